package io.creditsuite.credit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a batch of changes, in order, before anything is written: pure, no I/O. Per change: a repeat of an earlier
 * request is answered from the flow log (same body: the original result; another body: {@code IdReused}); the line
 * must be usable ({@link CreditLine#ensureUsableAt}); the operation plans ({@link LimitOperation#plan}, with its
 * {@link HoldGuard} rules); and, when the nodes are locked, every entry goes through {@link FlowRule} on the balances
 * the earlier changes of the batch left. A refused change is left out; the others go on.
 *
 * <p>Guarantee (locked batch): for every node {@code n} and every prefix of the accepted changes,
 * {@link LimitGuard} holds on {@code locked(n) + Σ entries of the prefix}; so the batch's net change, written at once,
 * passes the same guard in SQL. Optimistic batch: every accepted entry only raises exposure
 * ({@link NodeDelta#onlyRaisesExposure}), so the guard on the batch's net change implies it after each change.
 */
public final class BatchPlanner {
    private BatchPlanner() {
    }

    /** A change and what it will write. */
    public record Planned(LimitChange change, Plan plan) {
        public String holdId() {
            return plan.holdAfter() == null ? null : plan.holdAfter().holdId();
        }
    }

    /**
     * {@code answered}: the changes answered without a write (repeats, refusals), keyed by identity (a record's hash
     * walks all its fields: profiled, a visible share of a writer's time); {@code accepted}: what to write, in order.
     * A change whose request id repeats an earlier one of the same batch is in neither (its caller posts it again
     * after the commit, when it finds the first one's flow).
     */
    public record BatchPlan(Map<LimitChange, LimitChangeResult> answered, List<Planned> accepted) {
    }

    /** An optimistic batch met a refusal: it must be written again with its nodes locked, which answers it. */
    public static final class NeedsLockedNodes extends RuntimeException {
        NeedsLockedNodes(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Plans against the locked nodes' balances ({@code nodes}, not changed) and holds at {@code now}.
     *
     * @throws IllegalStateException when a change names a node, hold or line that was not read
     */
    public static BatchPlan planLocked(List<LimitChange> batch, Map<String, StoredFlow> stored, Map<String, CreditLine> lines,
                                       Map<Long, Balances> nodes, Map<String, Hold> holds, Instant now) {
        Map<Long, Balances> balances = new HashMap<>(nodes);
        Map<String, Hold> holdsNow = new HashMap<>(holds);
        return plan(batch, stored, lines, holdsNow, now, (change, hold) -> {
            Plan plan = change.operation().plan(hold, Collections.unmodifiableMap(balances), now);
            Map<Long, Balances> after = new HashMap<>();
            for (NodeDelta entry : plan.entries()) {
                Balances before = after.getOrDefault(entry.nodeId(), balances.get(entry.nodeId()));
                if (before == null) {
                    throw new IllegalStateException("node " + entry.nodeId() + " was not locked for " + change.requestId());
                }
                after.put(entry.nodeId(), FlowRule.apply(before, entry, now));
            }
            balances.putAll(after);
            return plan;
        }, false);
    }

    /**
     * Plans a batch of changes that only raise exposure without the nodes' balances, at its ticket {@code now}: the
     * guarded node update is the limit check.
     *
     * @throws NeedsLockedNodes at the first refusal: refusals are answered by locked batches only, at a time never
     *                          before the nodes' latest flow
     */
    public static BatchPlan planOptimistic(List<LimitChange> batch, Map<String, StoredFlow> stored,
                                           Map<String, CreditLine> lines, Instant now) {
        return plan(batch, stored, lines, new HashMap<>(), now, (change, hold) -> {
            Plan plan = change.operation().plan(hold, Map.of(), now);
            if (!plan.entries().stream().allMatch(NodeDelta::onlyRaisesExposure)) {
                // a bug in the operation's claim; the batch rolls back and is written again, locked
                throw new IllegalStateException("request " + change.requestId() + " lowers a balance: not for an"
                        + " optimistic batch");
            }
            return plan;
        }, true);
    }

    private interface Planning {
        Plan plan(LimitChange change, Hold hold);
    }

    private static BatchPlan plan(List<LimitChange> batch, Map<String, StoredFlow> stored, Map<String, CreditLine> lines,
                                  Map<String, Hold> holds, Instant now, Planning planning, boolean optimistic) {
        Map<LimitChange, LimitChangeResult> answered = new IdentityHashMap<>();
        List<Planned> accepted = new ArrayList<>();
        Map<String, LimitChange> seen = new HashMap<>();
        for (LimitChange change : batch) {
            if (seen.putIfAbsent(change.requestId(), change) != null) {
                continue;
            }
            StoredFlow earlier = stored.get(change.requestId());
            if (earlier != null) {
                answered.put(change, earlier.bodyHash().equals(change.bodyHash())
                        ? new LimitChangeResult.Accepted(earlier.requestId(), earlier.holdId(), earlier.flowSeq(), true)
                        : new LimitChangeResult.IdReused(change.requestId()));
                continue;
            }
            String holdId = change.operation().existingHoldId();
            Hold hold = holdId == null ? null : holds.get(holdId);
            if (holdId != null && hold == null) {
                throw new IllegalStateException("hold " + holdId + " of request " + change.requestId() + " vanished");
            }
            try {
                if (change.usableLineId() != null) {
                    CreditLine line = lines.get(change.usableLineId());
                    if (line == null) {
                        throw new IllegalStateException("line " + change.usableLineId() + " of request "
                                + change.requestId() + " vanished");
                    }
                    line.ensureUsableAt(now, change.operation().describedAs());
                }
                Plan plan = planning.plan(change, hold);
                if (plan.holdAfter() != null) {
                    holds.put(plan.holdAfter().holdId(), plan.holdAfter());
                }
                accepted.add(new Planned(change, plan));
            } catch (LimitRejection rejection) {
                if (optimistic) {
                    throw new NeedsLockedNodes("request " + change.requestId() + " was refused in an optimistic batch: "
                            + rejection.getMessage());
                }
                answered.put(change, new LimitChangeResult.Rejected(rejection));
            }
        }
        return new BatchPlan(answered, accepted);
    }
}
