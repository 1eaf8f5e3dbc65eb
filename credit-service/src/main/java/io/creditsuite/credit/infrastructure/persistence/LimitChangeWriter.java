package io.creditsuite.credit.infrastructure.persistence;

import io.creditsuite.credit.domain.BatchPlanner;
import io.creditsuite.credit.domain.BatchPlanner.BatchPlan;
import io.creditsuite.credit.domain.BatchPlanner.Planned;
import io.creditsuite.credit.domain.CreditEvents;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.LimitChange;
import io.creditsuite.credit.domain.LimitChangeResult;
import io.creditsuite.credit.domain.LimitChangesInTransaction;
import io.creditsuite.credit.domain.StoredFlow;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a batch of changes inside the current transaction, in three steps with one job each: read and lock
 * ({@link LimitChangeReads}), plan in memory ({@link BatchPlanner}, pure: the line check, the operation's plan and
 * {@link io.creditsuite.credit.domain.FlowRule}), write ({@link LimitChangeWrites}: multi-row inserts of flows, entries and
 * new holds and ONE guarded update of all nodes for the batch's net change, every statement prepared on the server
 * before, its row count cut into few shapes, {@link WriteScript#parts}). A locked batch ({@link #write}) holds its
 * nodes' row locks from its read to its commit; an optimistic one (the hot path, {@link #writeOptimistic}) only for
 * its node update and its commit.
 *
 * <p>Lock order, everywhere: line rows, then node rows (ascending id), then hold rows. A line freeze or clear
 * takes its line row exclusively (its status UPDATE) before any node; a grant locks its parent node before it
 * creates its own rows. The line's shared lock makes the status check exact: a freeze waits for the batches
 * that saw the line ACTIVE to commit, and the batches after it see it FROZEN.
 *
 * <p>Events: the accepted changes' flows are told to {@link CreditEvents} inside the batch's transaction (an outbox
 * insert on this writer's connection), so {@code flow committed <=> event published}; a batch that rolls back and is
 * written again tells them again, in the new transaction only.
 *
 * <p>The conditional updates ({@link LimitChangeWrites#LIMIT_GUARD_SQL}), the CHECK constraints and the unique request id
 * still guard correctness on their own, e.g. if two instances wrote: an update that matches no row fails the whole
 * batch, which the caller then retries change by change.
 */
@Component
public class LimitChangeWriter implements LimitChangesInTransaction {
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final LimitChangeReads reads;
    private final CreditEvents events;

    /** {@code events}: told the written flows inside the batch's transaction, on this writer's connection. */
    public LimitChangeWriter(JdbcTemplate jdbc, Clock clock, CreditEvents events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.reads = new LimitChangeReads(jdbc);
        this.events = events;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public LimitChangeResult applyHere(LimitChange change) {
        Map<LimitChange, LimitChangeResult> results = write(List.of(change));
        LimitChangeResult result = results.get(change);
        return result != null ? result : new LimitChangeResult.IdReused(change.requestId());
    }

    /** Whether every change of the batch only raises exposure: such a batch may be written optimistically. */
    public static boolean canBeOptimistic(List<LimitChange> batch) {
        return batch.stream().allMatch(p -> p.operation().onlyRaisesExposure());
    }

    /**
     * Writes the batch with its lines, nodes and holds locked first; changes whose request id repeats an earlier one
     * of the same batch are left out of the result (the caller posts them again after the commit, when they find the
     * first one's flow). The batch's time is the clock's, in microseconds, but never before a node's latest flow (a
     * clock that stepped back, or an optimistic batch's ticket a little ahead of this clock): for every node, flows in
     * time order must be flows in the order applied.
     */
    public Map<LimitChange, LimitChangeResult> write(List<LimitChange> batch) {
        Map<String, StoredFlow> stored = reads.storedFlowsOfASinglePosting(batch);
        LimitChangeReads.Locked locked = reads.lockLinesNodesAndHolds(batch);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant at = now.isBefore(locked.latestFlow()) ? locked.latestFlow() : now;
        BatchPlan plan = BatchPlanner.planLocked(batch, stored, locked.lines(), locked.nodes(), locked.holds(), at);
        if (plan.accepted().isEmpty()) {
            return plan.answered();
        }
        Timestamp time = Timestamp.from(at);
        long[] seqs = LimitChangeWrites.inserts(plan.accepted(), time).run(jdbc);
        LimitChangeWrites.lockedNodeUpdate(LimitChangeWrites.entriesOf(plan.accepted()), time).run(jdbc);
        events.flowsWritten(written(plan.accepted(), seqs, at));
        return answers(plan, seqs);
    }

    /**
     * Writes a batch of changes that only {@linkplain io.creditsuite.credit.domain.LimitOperation#onlyRaisesExposure
     * raise exposure} ({@link #canBeOptimistic}) optimistically: it reads and locks its lines only (shared, as always),
     * plans without the nodes' balances at a ticket of {@code order}, inserts the flows, entries and holds, and only
     * then, in {@code order}'s turn, ONE guarded update takes the node locks (held to the commit: the hot root is
     * locked for one statement and the commit instead of the whole batch, so two batches of one hot root overlap their
     * inserts).
     *
     * <p>Why it is exact: such a batch only raises balances, so if the guard {@code used + frozen + net <= limit}
     * holds on the locked row for the batch's net change, it held after each of its changes in order; the guard is
     * the limit check. If it matches no row (a change does not fit, or a {@code last_flow_at} at or after the
     * batch's ticket: another batch applied later flows first), the statement fails, the transaction rolls back and
     * the caller writes the batch again with {@link #write}, which refuses exactly the changes that do not fit. So
     * does any refusal planned here ({@link BatchPlanner.NeedsLockedNodes}): refusals are answered by locked batches
     * only.
     */
    public Map<LimitChange, LimitChangeResult> writeOptimistic(List<LimitChange> batch, ApplyOrder order) {
        if (!canBeOptimistic(batch)) {
            throw new IllegalArgumentException("a batch with changes that lower a balance cannot be optimistic");
        }
        Map<String, StoredFlow> stored = reads.storedFlowsOfASinglePosting(batch);
        // an optimistic batch's changes only open holds: it reads none, and no node either
        Map<String, CreditLine> lines = reads.lockLinesShared(batch);
        Instant ticket = order.ticket();
        try {
            BatchPlan plan = BatchPlanner.planOptimistic(batch, stored, lines, ticket);
            if (plan.accepted().isEmpty()) {
                return plan.answered();
            }
            Timestamp time = Timestamp.from(ticket);
            long[] seqs = LimitChangeWrites.inserts(plan.accepted(), time).run(jdbc);
            // before the turn: the events' insert overlaps other batches like the flows' (it takes no node lock)
            events.flowsWritten(written(plan.accepted(), seqs, ticket));
            order.awaitTurn(ticket);
            LimitChangeWrites.optimisticNodeUpdate(LimitChangeWrites.entriesOf(plan.accepted()), time).run(jdbc);
            return answers(plan, seqs);
        } finally {
            order.passTurn(ticket);
        }
    }

    private static List<CreditEvents.WrittenFlow> written(List<Planned> accepted, long[] seqs, Instant at) {
        List<CreditEvents.WrittenFlow> flows = new ArrayList<>(accepted.size());
        for (int i = 0; i < accepted.size(); i++) {
            flows.add(new CreditEvents.WrittenFlow(accepted.get(i).change(), accepted.get(i).plan(), seqs[i], at));
        }
        return flows;
    }

    /** The plan's answers and, for each accepted change, its flow's sequence number. */
    private static Map<LimitChange, LimitChangeResult> answers(BatchPlan plan, long[] seqs) {
        Map<LimitChange, LimitChangeResult> results = new IdentityHashMap<>(plan.answered());
        List<Planned> accepted = plan.accepted();
        for (int i = 0; i < accepted.size(); i++) {
            Planned a = accepted.get(i);
            results.put(a.change(), new LimitChangeResult.Accepted(a.change().requestId(), a.holdId(), seqs[i], false));
        }
        return results;
    }
}
