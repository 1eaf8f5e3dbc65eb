package io.creditsuite.credit.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds node balances from the flow log (event sourcing): every entry, in time order, through the same
 * {@link FlowRule} the live writer uses, starting from {@link Balances#ZERO}.
 */
public final class FlowReplay {
    /** One entry of the flow log with its flow's time. */
    public record TimedEntry(Instant at, NodeDelta delta) {
    }

    private FlowReplay() {
    }

    /** @throws LimitRejection if the log breaks a rule somewhere (then it is not a log the writer wrote) */
    public static Map<Long, Balances> replay(List<TimedEntry> entriesInTimeOrder) {
        Map<Long, Balances> balances = new HashMap<>();
        for (TimedEntry entry : entriesInTimeOrder) {
            long nodeId = entry.delta().nodeId();
            balances.put(nodeId, FlowRule.apply(balances.getOrDefault(nodeId, Balances.ZERO), entry.delta(), entry.at()));
        }
        return balances;
    }
}
