package io.creditsuite.credit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A node whose stored balances differ from what its flows give. The flow log is the truth (every change is a
 * flow); the stored balances are its running sum, so a correction sets them to {@code replayed}.
 */
public record BalanceDifference(long nodeId, String lineId, Balances stored, Balances replayed) {

    /** One differing field; values are minor units, or epoch millis for the expiry (null when unset). */
    public record Field(String name, Long stored, Long replayed) {
    }

    /** Null when the two agree. */
    public static BalanceDifference of(long nodeId, String lineId, Balances stored, Balances replayed) {
        return Objects.equals(stored, replayed) ? null : new BalanceDifference(nodeId, lineId, stored, replayed);
    }

    public List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        add(fields, "fixedMinor", stored.fixedMinor(), replayed.fixedMinor());
        add(fields, "temporaryMinor", stored.temporaryMinor(), replayed.temporaryMinor());
        add(fields, "temporaryExpiresAt", millis(stored.temporaryExpiresAt()), millis(replayed.temporaryExpiresAt()));
        add(fields, "retiredMinor", stored.retiredMinor(), replayed.retiredMinor());
        add(fields, "frozenMinor", stored.frozenMinor(), replayed.frozenMinor());
        add(fields, "inTransitMinor", stored.inTransitMinor(), replayed.inTransitMinor());
        add(fields, "inUseMinor", stored.inUseMinor(), replayed.inUseMinor());
        return fields;
    }

    /** For logs, printouts and the audit record: {@code node 7 (line L): frozenMinor stored 999 replayed 100}. */
    public String describe() {
        StringBuilder text = new StringBuilder("node " + nodeId + " (line " + lineId + "):");
        for (Field f : fields()) {
            text.append(' ').append(f.name()).append(" stored ").append(f.stored()).append(" replayed ").append(f.replayed())
                    .append(';');
        }
        return text.toString();
    }

    private static void add(List<Field> fields, String name, Long stored, Long replayed) {
        if (!Objects.equals(stored, replayed)) {
            fields.add(new Field(name, stored, replayed));
        }
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }
}
