package io.creditsuite.credit.application.fakes;

import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.FlowRule;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.LimitRejection;
import io.creditsuite.credit.domain.NodeDelta;
import io.creditsuite.credit.domain.Plan;
import io.creditsuite.credit.domain.LimitChange;
import io.creditsuite.credit.domain.LimitChangeResult;
import io.creditsuite.credit.domain.LimitChanges;
import io.creditsuite.credit.domain.LimitChangesInTransaction;
import io.creditsuite.credit.domain.StoredFlow;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a change as the group-commit writer promises (see {@link LimitChanges}): a request id seen before is
 * answered from the flow log (same body: replayed; another body: IdReused); otherwise the line must be usable
 * when the change names one, the operation plans against the hold and balances as stored, and every entry goes
 * through the domain's {@link FlowRule#apply}. All or nothing: a refusal writes nothing.
 *
 * <p>This is the seam above {@code LimitChangeWriter}: the real writer checks the same rule in a guarded SQL update
 * (its agreement with {@code FlowRule} is the persistence tests' business), so use-case tests use the rule itself.
 * Both ports are the same here: one thread, no transactions to share.
 */
public final class InMemoryLimitChanges implements LimitChanges, LimitChangesInTransaction {
    private final InMemoryLimitDirectory store;
    private final Clock clock;
    private long flowSeq;

    public InMemoryLimitChanges(InMemoryLimitDirectory store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public LimitChangeResult applyHere(LimitChange change) {
        return apply(change);
    }

    @Override
    public LimitChangeResult apply(LimitChange change) {
        StoredFlow earlier = store.flows.get(change.requestId());
        if (earlier != null) {
            return earlier.bodyHash().equals(change.bodyHash())
                    ? new LimitChangeResult.Accepted(earlier.requestId(), earlier.holdId(), earlier.flowSeq(), true)
                    : new LimitChangeResult.IdReused(change.requestId());
        }
        Instant now = clock.instant();
        try {
            if (change.usableLineId() != null) {
                store.lines.get(change.usableLineId()).ensureUsableAt(now, change.operation().describedAs());
            }
            String holdId = change.operation().existingHoldId();
            Hold before = holdId == null ? null : store.holds.get(holdId);
            Map<Long, Balances> balances = new LinkedHashMap<>();
            change.nodeIds().forEach(id -> balances.put(id, store.balances(id)));
            Plan plan = change.operation().plan(before, balances, now);
            Map<Long, Balances> after = new LinkedHashMap<>();
            for (NodeDelta entry : plan.entries()) {
                Balances current = after.containsKey(entry.nodeId()) ? after.get(entry.nodeId())
                        : store.balances(entry.nodeId());
                after.put(entry.nodeId(), FlowRule.apply(current, entry, now));
            }
            // every check passed: write it all
            after.forEach(store::setBalances);
            String resultHoldId = plan.holdAfter() == null ? null : plan.holdAfter().holdId();
            if (plan.holdAfter() != null) {
                store.holds.put(resultHoldId, plan.holdAfter());
            }
            long seq = ++flowSeq;
            store.flows.put(change.requestId(), new StoredFlow(change.requestId(), change.bodyHash(), resultHoldId, seq));
            store.entries.put(change.requestId(), plan.entries());
            return new LimitChangeResult.Accepted(change.requestId(), resultHoldId, seq, false);
        } catch (LimitRejection refused) {
            return new LimitChangeResult.Rejected(refused);
        }
    }
}
