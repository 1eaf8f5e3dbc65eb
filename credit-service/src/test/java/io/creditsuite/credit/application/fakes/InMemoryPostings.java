package io.creditsuite.credit.application.fakes;

import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.FlowRule;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.LimitRejection;
import io.creditsuite.credit.domain.NodeDelta;
import io.creditsuite.credit.domain.Plan;
import io.creditsuite.credit.domain.Posting;
import io.creditsuite.credit.domain.PostingResult;
import io.creditsuite.credit.domain.Postings;
import io.creditsuite.credit.domain.PostingsInTransaction;
import io.creditsuite.credit.domain.StoredFlow;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a posting as the group-commit writer promises (see {@link Postings}): a request id seen before is
 * answered from the flow log (same body: replayed; another body: IdReused); otherwise the line must be usable
 * when the posting names one, the operation plans against the hold and balances as stored, and every entry goes
 * through the domain's {@link FlowRule#apply}. All or nothing: a refusal writes nothing.
 *
 * <p>This is the seam above {@code PostingWriter}: the real writer checks the same rule in a guarded SQL update
 * (its agreement with {@code FlowRule} is the persistence tests' business), so use-case tests use the rule itself.
 * Both ports are the same here: one thread, no transactions to share.
 */
public final class InMemoryPostings implements Postings, PostingsInTransaction {
    private final InMemoryLimitDirectory store;
    private final Clock clock;
    private long flowSeq;

    public InMemoryPostings(InMemoryLimitDirectory store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public PostingResult postHere(Posting posting) {
        return post(posting);
    }

    @Override
    public PostingResult post(Posting posting) {
        StoredFlow earlier = store.flows.get(posting.requestId());
        if (earlier != null) {
            return earlier.bodyHash().equals(posting.bodyHash())
                    ? new PostingResult.Accepted(earlier.requestId(), earlier.holdId(), earlier.flowSeq(), true)
                    : new PostingResult.IdReused(posting.requestId());
        }
        Instant now = clock.instant();
        try {
            if (posting.usableLineId() != null) {
                store.lines.get(posting.usableLineId()).ensureUsableAt(now, posting.operation().describedAs());
            }
            String holdId = posting.operation().existingHoldId();
            Hold before = holdId == null ? null : store.holds.get(holdId);
            Map<Long, Balances> balances = new LinkedHashMap<>();
            posting.nodeIds().forEach(id -> balances.put(id, store.balances(id)));
            Plan plan = posting.operation().plan(before, balances, now);
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
            store.flows.put(posting.requestId(), new StoredFlow(posting.requestId(), posting.bodyHash(), resultHoldId, seq));
            store.entries.put(posting.requestId(), plan.entries());
            return new PostingResult.Accepted(posting.requestId(), resultHoldId, seq, false);
        } catch (LimitRejection refused) {
            return new PostingResult.Rejected(refused);
        }
    }
}
