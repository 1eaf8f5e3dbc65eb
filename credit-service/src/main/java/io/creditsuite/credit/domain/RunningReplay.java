package io.creditsuite.credit.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link FlowReplay} fed one entry at a time, so a log of any length streams through in constant memory per node:
 * every entry, in time order, through the same {@link FlowRule} the live writer uses, from {@link Balances#ZERO}.
 *
 * <p>Guarantee: after the whole log, {@code balances().get(n)} equals what {@link FlowReplay#replay} gives for n.
 */
public final class RunningReplay {
    private final Map<Long, Balances> balances = new HashMap<>();
    private long entries;

    /** @throws LimitRejection when the entry breaks a rule (the log is not one the writer could have written) */
    public void accept(Instant at, NodeDelta delta) {
        balances.put(delta.nodeId(), FlowRule.apply(balances.getOrDefault(delta.nodeId(), Balances.ZERO), delta, at));
        entries++;
    }

    public Balances of(long nodeId) {
        return balances.getOrDefault(nodeId, Balances.ZERO);
    }

    public Map<Long, Balances> balances() {
        return Collections.unmodifiableMap(balances);
    }

    public long entries() {
        return entries;
    }
}
