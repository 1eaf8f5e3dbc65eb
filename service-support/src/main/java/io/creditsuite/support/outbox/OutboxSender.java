package io.creditsuite.support.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands outbox rows to the broker; a row counts as sent only once the broker has stored it. Must keep the order of
 * one ordering key: a row is never stored before an earlier row of its key that was not.
 */
@FunctionalInterface
public interface OutboxSender {

    /** What {@link #sendAll} did: the rows stored, and the rows that failed with why; the others were not tried. */
    record Result(List<Long> sentIds, Map<Long, String> failed) {
    }

    /** Sends one row and returns once the broker stored it; throws when it did not. */
    void send(OutboxRow row) throws Exception;

    /**
     * Sends a round's rows, given in id order. This default sends them one by one: a row whose key already failed in
     * the round is not tried (order), and the round ends after {@code maxFailures} failures (a broker that is away
     * would otherwise cost one send timeout per row).
     */
    default Result sendAll(List<OutboxRow> rows, int maxFailures) {
        List<Long> sent = new ArrayList<>();
        Map<Long, String> failed = new LinkedHashMap<>();
        Set<String> blocked = new HashSet<>();
        for (OutboxRow row : rows) {
            if (blocked.contains(row.orderingKey())) {
                continue;
            }
            try {
                send(row);
                sent.add(row.id());
            } catch (Exception e) {
                blocked.add(row.orderingKey());
                failed.put(row.id(), String.valueOf(e.getMessage()));
                if (failed.size() >= maxFailures) {
                    break;
                }
            }
        }
        return new Result(sent, failed);
    }
}
