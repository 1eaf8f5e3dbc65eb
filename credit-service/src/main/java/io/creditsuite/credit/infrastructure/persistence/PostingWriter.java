package io.creditsuite.credit.infrastructure.persistence;

import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.FlowRule;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.LimitRejection;
import io.creditsuite.credit.domain.NodeDelta;
import io.creditsuite.credit.domain.Plan;
import io.creditsuite.credit.domain.Posting;
import io.creditsuite.credit.domain.PostingResult;
import io.creditsuite.credit.domain.PostingsInTransaction;
import io.creditsuite.credit.domain.StoredFlow;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a batch of postings inside the current transaction, with as few statements as the batch allows:
 * ONE locking read of the lines that must be usable (shared) and of the nodes (exclusive, ascending id), one of
 * the holds (only hold operations have one), then per posting the line check, the pure planning and
 * {@link FlowRule} in memory, then ({@link WriteScript}) multi-row inserts of flows, entries and new holds and ONE
 * conditional update of all nodes for the batch's net change, every statement prepared on the server before (its
 * row count cut into few shapes, {@link WriteScript#parts}). A locked batch holds its nodes' row locks from its
 * read to its commit; an optimistic one (the hot path, {@link #write(List, ApplyOrder)}) only for its node update and
 * its commit.
 *
 * <p>Lock order, everywhere: line rows, then node rows (ascending id), then hold rows. A line freeze or clear
 * takes its line row exclusively (its status UPDATE) before any node; a grant locks its parent node before it
 * creates its own rows. The line's shared lock makes the status check exact: a freeze waits for the batches
 * that saw the line ACTIVE to commit, and the batches after it see it FROZEN.
 *
 * <p>The conditional updates ({@code ... WHERE frozen + ? >= 0 ... AND used + frozen + ? <= limit}), the CHECK
 * constraints and the unique request id still guard correctness on their own, e.g. if two instances wrote:
 * an update that matches no row fails the whole batch, which the caller then retries posting by posting.
 */
@Component
public class PostingWriter implements PostingsInTransaction {
    private static final int IN_CHUNK = WriteScript.MAX_ROWS;
    /** A line's twelve columns in the node branch of {@link #lockLinesAndNodes}, and a node's nine in the line branch. */
    private static final String NO_LINE = String.join(", ", Collections.nCopies(12, "NULL"));
    private static final String NO_NODE = String.join(", ", Collections.nCopies(9, "NULL"));
    /** kind, then the line's twelve columns: the node's id comes 14th, its seven balances and last flow time after it. */
    private static final int NODE_ID_COLUMN = 14;
    /** A node's columns as the writer reads them: its id, seven balances, the time of its latest flow. */
    private static final String NODE_COLUMNS = "node_id, " + LimitRows.BALANCE_COLUMNS + ", last_flow_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PostingWriter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public PostingResult postHere(Posting posting) {
        Map<Posting, PostingResult> results = write(List.of(posting));
        PostingResult result = results.get(posting);
        return result != null ? result : new PostingResult.IdReused(posting.requestId());
    }

    /**
     * Writes the batch with its nodes locked first; postings whose request id repeats an earlier one of the same
     * batch are left out of the result (the caller posts them again after the commit, when they find the first
     * one's flow).
     */
    public Map<Posting, PostingResult> write(List<Posting> batch) {
        return write(batch, null);
    }

    /** Whether every posting of the batch only raises exposure: such a batch may be written optimistically. */
    public static boolean canBeOptimistic(List<Posting> batch) {
        return batch.stream().allMatch(p -> p.operation().onlyRaisesExposure());
    }

    /**
     * Writes the batch as {@link #write(List)} does, but optimistically when {@code order} is given (every posting
     * must then {@linkplain io.creditsuite.credit.domain.LimitOperation#onlyRaisesExposure only raise exposure},
     * {@link #canBeOptimistic}): it reads and
     * locks its lines only (shared, as always), plans without the nodes' balances, inserts the flows, entries and
     * holds, and only then, in {@code order}'s turn, ONE guarded update takes the node locks (held to the commit: the
     * hot root is locked for one statement and the commit instead of the whole batch, so two batches of one hot
     * root overlap their inserts).
     *
     * <p>Why it is exact: such a batch only raises balances, so if the guard {@code used + frozen + net <= limit}
     * holds on the locked row for the batch's net change, it held after each of its postings in order; the guard is
     * the limit check. If it matches no row (a posting does not fit, or a {@code last_flow_at} at or after the
     * batch's ticket: another batch applied later flows first), the statement fails, the transaction rolls back and
     * the caller writes the batch again without {@code order}, which refuses exactly the postings that do not fit.
     * So does any refusal planned here (a line not usable at the ticket's time): refusals are answered by locked
     * batches only.
     */
    public Map<Posting, PostingResult> write(List<Posting> batch, ApplyOrder order) {
        if (order != null && !canBeOptimistic(batch)) {
            throw new IllegalArgumentException("a batch with postings that lower a balance cannot be optimistic");
        }
        // a batch does not look its request ids up first: the unique key refuses a repeat, the batch rolls back and
        // its postings are written one by one, and a single posting does look up the flow log (its retry is answered)
        Map<String, StoredFlow> stored = batch.size() == 1 ? storedFlows(batch) : Map.of();
        if (order == null) {
            Map<String, CreditLine> lines = new HashMap<>();
            Instant[] latestFlow = {Instant.EPOCH};
            Map<Long, Balances> balances = lockLinesAndNodes(batch, lines, latestFlow);
            return plan(batch, stored, lines, balances, lockHolds(batch),
                    notBefore(clock.instant().truncatedTo(ChronoUnit.MICROS), latestFlow[0]), null);
        }
        // an optimistic batch's postings only open holds: it reads none, and no node either
        Map<String, CreditLine> lines = lockLinesShared(batch);
        Instant ticket = order.ticket();
        try {
            return plan(batch, stored, lines, null, new HashMap<>(), ticket, order);
        } finally {
            order.passTurn(ticket);
        }
    }

    /**
     * For every node, flows in time order must be flows in the order applied, so a locked batch never stamps its
     * flows before a node's latest flow (a clock that stepped back, or an optimistic batch's ticket a little ahead
     * of this clock).
     */
    private static Instant notBefore(Instant now, Instant latestFlow) {
        return now.isBefore(latestFlow) ? latestFlow : now;
    }

    /** An optimistic batch that must be written again with its nodes locked first. */
    static final class WriteAgainLocked extends RuntimeException {
        WriteAgainLocked(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Plans every posting in order and writes the accepted ones at {@code now}: checked against {@code balances}
     * (the locked nodes), or, for an optimistic batch ({@code order} given, {@code balances} null), by its guarded
     * node update alone.
     */
    private Map<Posting, PostingResult> plan(List<Posting> batch, Map<String, StoredFlow> stored,
                                             Map<String, CreditLine> lines, Map<Long, Balances> balances,
                                             Map<String, Hold> holds, Instant now, ApplyOrder order) {

        // keyed by the posting itself: a record's hash walks all its fields (profiled: a visible share of a writer's time)
        Map<Posting, PostingResult> results = new IdentityHashMap<>();
        List<Accepted> accepted = new ArrayList<>();
        Map<String, Posting> seen = new HashMap<>();
        for (Posting posting : batch) {
            if (seen.putIfAbsent(posting.requestId(), posting) != null) {
                continue;
            }
            StoredFlow earlier = stored.get(posting.requestId());
            if (earlier != null) {
                results.put(posting, earlier.bodyHash().equals(posting.bodyHash())
                        ? new PostingResult.Accepted(earlier.requestId(), earlier.holdId(), earlier.flowSeq(), true)
                        : new PostingResult.IdReused(posting.requestId()));
                continue;
            }
            String holdId = posting.operation().existingHoldId();
            Hold hold = holdId == null ? null : holds.get(holdId);
            if (holdId != null && hold == null) {
                throw new IllegalStateException("hold " + holdId + " of request " + posting.requestId() + " vanished");
            }
            try {
                if (posting.usableLineId() != null) {
                    CreditLine line = lines.get(posting.usableLineId());
                    if (line == null) {
                        throw new IllegalStateException("line " + posting.usableLineId() + " of request "
                                + posting.requestId() + " vanished");
                    }
                    line.ensureUsableAt(now, posting.operation().describedAs());
                }
                Plan plan;
                if (balances == null) {
                    plan = posting.operation().plan(hold, Map.of(), now);
                    if (!plan.entries().stream().allMatch(NodeDelta::onlyRaisesExposure)) {
                        // a bug in the operation's claim; the batch rolls back and is written again, locked
                        throw new IllegalStateException("request " + posting.requestId()
                                + " lowers a balance: not for an optimistic batch");
                    }
                } else {
                    plan = posting.operation().plan(hold, Collections.unmodifiableMap(balances), now);
                    Map<Long, Balances> after = new HashMap<>();
                    for (NodeDelta entry : plan.entries()) {
                        Balances before = after.getOrDefault(entry.nodeId(), balances.get(entry.nodeId()));
                        if (before == null) {
                            throw new IllegalStateException("node " + entry.nodeId() + " was not locked for "
                                    + posting.requestId());
                        }
                        after.put(entry.nodeId(), FlowRule.apply(before, entry, now));
                    }
                    balances.putAll(after);
                }
                if (plan.holdAfter() != null) {
                    holds.put(plan.holdAfter().holdId(), plan.holdAfter());
                }
                accepted.add(new Accepted(posting, plan));
            } catch (LimitRejection rejection) {
                if (balances == null) {
                    // refusals are answered by locked batches only, at a time never before the nodes' latest flow
                    // (a ticket can be a little behind it, and a line's term is checked at the batch's time)
                    throw new WriteAgainLocked("request " + posting.requestId() + " was refused in an optimistic batch: "
                            + rejection.getMessage());
                }
                results.put(posting, new PostingResult.Rejected(rejection));
            }
        }
        if (!accepted.isEmpty()) {
            long[] seqs = writeAccepted(accepted, now, order);
            for (int i = 0; i < accepted.size(); i++) {
                Accepted a = accepted.get(i);
                results.put(a.posting, new PostingResult.Accepted(a.posting.requestId(), holdIdOf(a.plan), seqs[i], false));
            }
        }
        return results;
    }

    private record Accepted(Posting posting, Plan plan) {
    }

    private static String holdIdOf(Plan plan) {
        return plan.holdAfter() == null ? null : plan.holdAfter().holdId();
    }

    private Map<String, StoredFlow> storedFlows(List<Posting> batch) {
        Map<String, StoredFlow> found = new HashMap<>();
        List<String> ids = batch.stream().map(Posting::requestId).distinct().toList();
        for (List<String> chunk : chunks(ids)) {
            jdbc.query("SELECT request_id, body_hash, hold_id, flow_seq FROM credit_flow WHERE request_id IN ("
                            + WriteScript.marks(chunk.size()) + ")",
                    (ResultSet rs) -> {
                        found.put(rs.getString(1), new StoredFlow(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getLong(4)));
                    }, chunk.toArray());
        }
        return found;
    }

    /**
     * The lines of the batch's postings that need a usable line, read under a shared lock held to the commit (into
     * {@code lines}), and the nodes, read under an exclusive lock in ascending id, in ONE statement: a UNION ALL runs
     * its branches in order, so the lines are locked before the nodes, the lock order everywhere, and a batch saves a
     * round trip. Each branch keeps its own lock mode (MariaDB allows a locking clause per parenthesised branch).
     * More keys than one statement takes: two statements, in the same order. {@code latestFlow[0]} becomes the
     * latest of the nodes' last flow times.
     */
    private Map<Long, Balances> lockLinesAndNodes(List<Posting> batch, Map<String, CreditLine> lines,
                                                  Instant[] latestFlow) {
        TreeSet<String> lineIds = new TreeSet<>();
        TreeSet<Long> nodeIds = new TreeSet<>();
        for (Posting p : batch) {
            if (p.usableLineId() != null) {
                lineIds.add(p.usableLineId());
            }
            nodeIds.addAll(p.nodeIds());
        }
        if (lineIds.size() > IN_CHUNK || nodeIds.size() > IN_CHUNK) {
            lines.putAll(lockLinesShared(batch));
            return lockNodes(nodeIds, latestFlow);
        }
        Map<Long, Balances> locked = new TreeMap<>();
        // key lists padded to a power of two (a repeated key changes nothing): few shapes, all prepared before
        List<Long> nodeKeys = WriteScript.padded(new ArrayList<>(nodeIds));
        List<String> lineKeys = lineIds.isEmpty() ? List.of() : WriteScript.padded(new ArrayList<>(lineIds));
        String nodes = "SELECT 'N', " + NO_LINE + ", " + NODE_COLUMNS
                + " FROM limit_node WHERE node_id IN (" + WriteScript.marks(nodeKeys.size())
                + ") ORDER BY node_id FOR UPDATE";
        String sql = lineIds.isEmpty() ? nodes
                : "(SELECT 'L', " + LimitRows.LINE_COLUMNS + ", " + NO_NODE + " FROM credit_line WHERE line_id IN ("
                    + WriteScript.marks(lineKeys.size()) + ") ORDER BY line_id LOCK IN SHARE MODE) UNION ALL (" + nodes
                    + ")";
        List<Object> args = new ArrayList<>(lineKeys);
        args.addAll(nodeKeys);
        jdbc.query(sql, (ResultSet rs) -> {
            if (rs.getString(1).equals("L")) {
                CreditLine line = LimitRows.line(rs, 2);
                lines.put(line.lineId(), line);
            } else {
                readNode(rs, NODE_ID_COLUMN, locked, latestFlow);
            }
        }, args.toArray());
        return locked;
    }

    /** The node whose {@link #NODE_COLUMNS} start at {@code column}, into {@code nodes} and {@code latestFlow[0]}. */
    private static void readNode(ResultSet rs, int column, Map<Long, Balances> nodes, Instant[] latestFlow)
            throws java.sql.SQLException {
        nodes.put(rs.getLong(column), LimitRows.balances(rs, column + 1));
        Instant lastFlow = rs.getTimestamp(column + 8).toInstant();
        if (lastFlow.isAfter(latestFlow[0])) {
            latestFlow[0] = lastFlow;
        }
    }

    /**
     * The lines that must be usable, shared-locked: an optimistic batch's only read, and with {@link #lockNodes} when
     * one statement cannot take all keys.
     */
    private Map<String, CreditLine> lockLinesShared(List<Posting> batch) {
        return readByKey(batch, Posting::usableLineId, "SELECT " + LimitRows.LINE_COLUMNS
                + " FROM credit_line WHERE line_id IN (%s) ORDER BY line_id LOCK IN SHARE MODE",
                (rs, n) -> LimitRows.line(rs), CreditLine::lineId);
    }

    private Map<Long, Balances> lockNodes(TreeSet<Long> ids, Instant[] latestFlow) {
        Map<Long, Balances> locked = new TreeMap<>();
        for (List<Long> chunk : chunks(new ArrayList<>(ids))) {
            jdbc.query("SELECT " + NODE_COLUMNS + " FROM limit_node WHERE node_id IN (" + WriteScript.marks(chunk.size())
                            + ") ORDER BY node_id FOR UPDATE",
                    (ResultSet rs) -> {
                        readNode(rs, 1, locked, latestFlow);
                    }, chunk.toArray());
        }
        return locked;
    }

    private Map<String, Hold> lockHolds(List<Posting> batch) {
        return readByKey(batch, p -> p.operation().existingHoldId(), "SELECT " + LimitRows.HOLD_COLUMNS
                + " FROM credit_hold WHERE hold_id IN (%s) ORDER BY hold_id FOR UPDATE",
                (rs, n) -> LimitRows.hold(rs), Hold::holdId);
    }

    /**
     * The rows of the keys the batch's postings name ({@code keyOf} null: none), by {@code sqlFormat} (its
     * {@code %s} takes the keys' marks), in ascending key order and at most {@link #IN_CHUNK} keys a statement.
     */
    private <V> Map<String, V> readByKey(List<Posting> batch, Function<Posting, String> keyOf, String sqlFormat,
                                         RowMapper<V> row, Function<V, String> key) {
        TreeSet<String> ids = new TreeSet<>();
        batch.forEach(p -> {
            if (keyOf.apply(p) != null) {
                ids.add(keyOf.apply(p));
            }
        });
        Map<String, V> found = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(ids))) {
            jdbc.query(String.format(sqlFormat, WriteScript.marks(chunk.size())), row, chunk.toArray())
                    .forEach(value -> found.put(key.apply(value), value));
        }
        return found;
    }

    /**
     * Everything the accepted postings write ({@link WriteScript}): per part of the flows (a multi-row INSERT whose
     * keys are consecutive, in row order, as the driver's generated keys assume too) the entries of those flows,
     * which take their flow's key from {@code LAST_INSERT_ID()} on the server; then the new holds, the changed holds
     * and the nodes. Returns each accepted posting's flow sequence number.
     */
    private long[] writeAccepted(List<Accepted> accepted, Instant now, ApplyOrder order) {
        Timestamp at = Timestamp.from(now);
        WriteScript inserts = new WriteScript();
        int from = 0;
        for (int size : WriteScript.parts(accepted.size())) {
            List<Accepted> part = accepted.subList(from, from + size);
            List<Object> flows = new ArrayList<>();
            List<Object[]> balanceEntries = new ArrayList<>();
            List<Object[]> limitEntries = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Accepted a = part.get(i);
                var h = a.posting.header();
                Collections.addAll(flows, a.posting.requestId(), a.posting.bodyHash(), a.plan.type().name(),
                        holdIdOf(a.plan), h.lineId(), h.fromCustomerId(), h.toCustomerId(), h.currency(), h.cashMinor(),
                        h.creditMinor(), at, h.traceId());
                for (NodeDelta d : a.plan.entries()) {
                    if (d.changesLimit()) {
                        limitEntries.add(new Object[] {i, d.nodeId(), d.fixedMinor(), d.temporaryMinor(),
                            d.temporaryExpiresAt() == null ? null : Timestamp.from(d.temporaryExpiresAt()),
                            d.retiredMinor(), d.frozenMinor(), d.inTransitMinor(), d.inUseMinor()});
                    } else {
                        balanceEntries.add(new Object[] {i, d.nodeId(), d.frozenMinor(), d.inTransitMinor(), d.inUseMinor()});
                    }
                }
            }
            inserts.insertReturningKeys("flows", "INSERT INTO credit_flow (request_id, body_hash, flow_type, hold_id,"
                    + " line_id, from_customer_id, to_customer_id, currency, cash_minor, credit_minor, occurred_at,"
                    + " trace_id) VALUES " + WriteScript.rows(size, 12), flows, size);
            // entries and holds have no AUTO_INCREMENT, so LAST_INSERT_ID() stays this part's first flow key. Entries
            // that change no limit (every hold operation's) leave the limit columns out: 5 values each instead of 9
            // (profiled: binding and encoding values is about a third of a writer thread's time)
            insertRows(inserts, "entries", ENTRY_INSERT, "(" + FLOW_KEY + ", ?, 0, 0, NULL, 0, ?, ?, ?)", balanceEntries);
            insertRows(inserts, "limit entries", ENTRY_INSERT, "(" + FLOW_KEY + ", " + WriteScript.marks(8) + ")",
                    limitEntries);
            from += size;
        }
        writeHolds(inserts, accepted, at);
        long[] seqs = inserts.run(jdbc);
        if (order != null) {
            order.awaitTurn(now);
        }
        updateNodes(accepted, at, order != null).run(jdbc);
        return seqs;
    }

    private static final String ENTRY_INSERT = "INSERT INTO credit_flow_entry (flow_seq, node_id, fixed_minor,"
            + " temporary_minor, temporary_expires_at, retired_minor, frozen_minor, in_transit_minor, in_use_minor) VALUES ";
    /** An entry's flow key: the part's first flow key (LAST_INSERT_ID()) plus the flow's index in the part. */
    private static final String FLOW_KEY = "LAST_INSERT_ID() + ? * @@auto_increment_increment";

    /** Multi-row INSERTs into the script, in parts of few shapes ({@link WriteScript#parts}). */
    private static void insertRows(WriteScript script, String name, String prefix, String row, List<Object[]> rows) {
        int from = 0;
        for (int size : WriteScript.parts(rows.size())) {
            List<Object> args = new ArrayList<>();
            rows.subList(from, from + size).forEach(values -> Collections.addAll(args, values));
            script.update(name, prefix + String.join(", ", Collections.nCopies(size, row)), args, size);
            from += size;
        }
    }

    private static void writeHolds(WriteScript script, List<Accepted> accepted, Timestamp at) {
        List<Object[]> inserts = new ArrayList<>();
        Map<String, long[]> updates = new LinkedHashMap<>();
        for (Accepted a : accepted) {
            Hold before = a.plan.holdBefore();
            Hold after = a.plan.holdAfter();
            if (after == null) {
                continue;
            }
            if (before == null) {
                inserts.add(new Object[] {after.holdId(), after.lineId(), after.leafNodeId(), after.currency(),
                    after.frozenMinor(), after.inTransitMinor(), after.inUseMinor(),
                    after.expiresAt() == null ? null : Timestamp.from(after.expiresAt()), at, after.tccXid()});
            } else {
                long[] d = updates.computeIfAbsent(after.holdId(), k -> new long[3]);
                d[0] += after.frozenMinor() - before.frozenMinor();
                d[1] += after.inTransitMinor() - before.inTransitMinor();
                d[2] += after.inUseMinor() - before.inUseMinor();
            }
        }
        if (!inserts.isEmpty()) {
            insertRows(script, "new holds", "INSERT INTO credit_hold (hold_id, line_id, leaf_node_id, currency,"
                    + " frozen_minor, in_transit_minor, in_use_minor, expires_at, created_at, tcc_xid) VALUES ",
                    "(" + WriteScript.marks(10) + ")", inserts);
        }
        // one statement per changed hold (only hold operations change one): each must match its row
        // written "delta >= -balance" (a balance is never negative, so its negation never overflows BIGINT)
        updates.forEach((id, d) -> script.update("hold " + id, "UPDATE credit_hold SET frozen_minor = frozen_minor + ?,"
                + " in_transit_minor = in_transit_minor + ?, in_use_minor = in_use_minor + ? WHERE hold_id = ?"
                + " AND ? >= -frozen_minor AND ? >= -in_transit_minor AND ? >= -in_use_minor",
                List.of(d[0], d[1], d[2], id, d[0], d[1], d[2]), 1));
    }

    /**
     * {@link io.creditsuite.credit.domain.LimitGuard} in SQL, on a node row {@code n} and its net delta {@code d}
     * (columns {@code d_fixed ... d_exposure}, {@code expiry}); the parameter is the batch's time. Every balance stays
     * {@code >= 0} (written {@code delta >= -balance}: a balance is never negative, so its negation cannot overflow);
     * {@code fixed + temporary} stays representable; and when the delta raises exposure or may lower the limit,
     * {@code used + frozen <= limit(t)} afterwards. The sums run in DECIMAL, so a value near {@code Long.MAX_VALUE}
     * neither wraps nor makes MariaDB fail the statement (BIGINT overflow is an error there): it is refused, as the
     * domain refuses it. {@code MoneyRuleSqlMirrorIT} runs a table of boundary cases through both.
     */
    static final String LIMIT_GUARD_SQL = "d.d_frozen >= -n.frozen_minor AND d.d_in_transit >= -n.in_transit_minor"
            + " AND d.d_in_use >= -n.in_use_minor"
            + " AND CAST(n.fixed_minor AS DECIMAL(21)) + d.d_fixed + n.temporary_minor + d.d_temporary"
            + "   <= 9223372036854775807"
            + " AND (d.d_exposure <= 0 AND d.d_fixed >= 0 AND d.d_temporary >= 0 AND d.d_retired <= 0 AND d.expiry IS NULL"
            + "   OR CAST(n.frozen_minor AS DECIMAL(21)) + n.in_transit_minor + n.in_use_minor + d.d_exposure"
            + "   <= CAST(n.fixed_minor AS DECIMAL(21)) + d.d_fixed + IF(COALESCE(d.expiry, n.temporary_expires_at) > ?,"
            + "      CAST(n.temporary_minor AS DECIMAL(21)) + d.d_temporary, 0) - n.retired_minor - d.d_retired)";

    /**
     * The batch's net change of every node as ONE guarded update. {@code optimistic}: the batch's flows are
     * already written, unlocked, so a node's latest flow must be strictly earlier than them; else the nodes are
     * locked and {@code at} is never before their latest flow ({@link #notBefore}).
     */
    private static WriteScript updateNodes(List<Accepted> accepted, Timestamp at, boolean optimistic) {
        Map<Long, long[]> net = new TreeMap<>();
        Map<Long, Instant> expiries = new HashMap<>();
        for (Accepted a : accepted) {
            for (NodeDelta d : a.plan.entries()) {
                long[] n = net.computeIfAbsent(d.nodeId(), k -> new long[7]);
                n[0] = Math.addExact(n[0], d.fixedMinor());
                n[1] = Math.addExact(n[1], d.temporaryMinor());
                n[2] = Math.addExact(n[2], d.retiredMinor());
                n[3] = Math.addExact(n[3], d.frozenMinor());
                n[4] = Math.addExact(n[4], d.inTransitMinor());
                n[5] = Math.addExact(n[5], d.inUseMinor());
                n[6] = Math.addExact(n[6], d.exposureMinor());
                if (d.temporaryExpiresAt() != null) {
                    expiries.put(d.nodeId(), d.temporaryExpiresAt());
                }
            }
        }
        List<Object> args = new ArrayList<>();
        net.forEach((nodeId, n) -> Collections.addAll(args, nodeId, n[0], n[1],
                expiries.containsKey(nodeId) ? Timestamp.from(expiries.get(nodeId)) : null, n[2], n[3], n[4], n[5], n[6]));
        // padded with rows of node 0, which no node has (keys start at 1): few shapes
        int rows = WriteScript.paddedRows(net.size());
        for (int pad = net.size(); pad < rows; pad++) {
            Collections.addAll(args, 0L, 0L, 0L, null, 0L, 0L, 0L, 0L, 0L);
        }
        // the net deltas as a derived table: the first row names the columns, the others follow as ONE table value
        // constructor (profiled: one SELECT per node was a visible share of the server's time per batch)
        String deltas = "SELECT ? AS node_id, ? AS d_fixed, ? AS d_temporary, CAST(? AS DATETIME(3)) AS expiry,"
                + " ? AS d_retired, ? AS d_frozen, ? AS d_in_transit, ? AS d_in_use, ? AS d_exposure"
                + (rows == 1 ? "" : " UNION ALL VALUES " + String.join(", ", Collections.nCopies(rows - 1,
                        "(?, ?, ?, CAST(? AS DATETIME(3)), ?, ?, ?, ?, ?)")));
        Collections.addAll(args, at, at, at);
        // ONE statement for the batch's net change of every node. WHERE sees the values before SET; each SET
        // reads only its own column, so the order MariaDB assigns them in does not matter. The limit check
        // runs only when exposure (used + frozen) rises. The driver reports matched rows (CLIENT_FOUND_ROWS): one
        // per node, or a guard failed and the batch rolls back. STRAIGHT_JOIN: the sorted delta rows drive the join,
        // so the node rows are locked in ascending id whatever the optimizer thinks (an optimistic batch takes its
        // node locks here).
        return new WriteScript().update("limit nodes", "UPDATE (" + deltas + ") d STRAIGHT_JOIN limit_node n ON n.node_id = d.node_id"
                + " SET n.fixed_minor = n.fixed_minor + d.d_fixed, n.temporary_minor = n.temporary_minor + d.d_temporary,"
                + " n.temporary_expires_at = COALESCE(d.expiry, n.temporary_expires_at),"
                + " n.retired_minor = n.retired_minor + d.d_retired, n.frozen_minor = n.frozen_minor + d.d_frozen,"
                + " n.in_transit_minor = n.in_transit_minor + d.d_in_transit, n.in_use_minor = n.in_use_minor + d.d_in_use,"
                + " n.last_flow_at = ?"
                + " WHERE n.last_flow_at " + (optimistic ? "<" : "<=") + " ? AND " + LIMIT_GUARD_SQL, args, net.size());
    }

    /** Key lists of at most {@value #IN_CHUNK} keys each, padded to a power of two ({@link WriteScript#padded}). */
    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            chunks.add(WriteScript.padded(all.subList(i, Math.min(all.size(), i + IN_CHUNK))));
        }
        return chunks;
    }

    static boolean sameBody(StoredFlow flow, Posting posting) {
        return Objects.equals(flow.bodyHash(), posting.bodyHash());
    }
}
