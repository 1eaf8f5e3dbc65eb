package io.creditsuite.credit.infrastructure.persistence;

import io.creditsuite.credit.domain.BatchPlanner.Planned;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.NodeDelta;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statements that write a planned batch ({@link WriteScript}s; every value a bound parameter): multi-row inserts of
 * flows, entries and new holds, one conditional update per changed hold, and ONE guarded update of all nodes for the
 * batch's net change, whose guard mirrors {@link io.creditsuite.credit.domain.LimitGuard} ({@link #LIMIT_GUARD_SQL}).
 * Builds statements only; {@link LimitChangeWriter} runs them in order.
 */
final class LimitChangeWrites {
    private LimitChangeWrites() {
    }

    /** Every entry of the accepted changes, in order: what the node update nets. */
    static List<NodeDelta> entriesOf(List<Planned> accepted) {
        List<NodeDelta> entries = new ArrayList<>();
        accepted.forEach(a -> entries.addAll(a.plan().entries()));
        return entries;
    }

    /**
     * Everything the accepted changes write ({@link WriteScript}): per part of the flows (a multi-row INSERT whose
     * keys are consecutive, in row order, as the driver's generated keys assume too) the entries of those flows,
     * which take their flow's key from {@code LAST_INSERT_ID()} on the server; then the new holds, the changed holds
     * (the nodes' update is {@link #lockedNodeUpdate} or {@link #optimisticNodeUpdate}). Its {@code run} returns each
     * accepted change's flow sequence number.
     */
    static WriteScript inserts(List<Planned> accepted, Timestamp at) {
        WriteScript inserts = new WriteScript();
        int from = 0;
        for (int size : WriteScript.parts(accepted.size())) {
            List<Planned> part = accepted.subList(from, from + size);
            List<Object> flows = new ArrayList<>();
            List<Object[]> balanceEntries = new ArrayList<>();
            List<Object[]> limitEntries = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Planned a = part.get(i);
                var h = a.change().header();
                Collections.addAll(flows, a.change().requestId(), a.change().bodyHash(), a.plan().type().name(),
                        a.holdId(), h.lineId(), h.fromCustomerId(), h.toCustomerId(), h.currency(), h.cashMinor(),
                        h.creditMinor(), at, h.traceId());
                for (NodeDelta d : a.plan().entries()) {
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
        return inserts;
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

    private static void writeHolds(WriteScript script, List<Planned> accepted, Timestamp at) {
        List<Object[]> inserts = new ArrayList<>();
        Map<String, long[]> updates = new LinkedHashMap<>();
        for (Planned a : accepted) {
            Hold before = a.plan().holdBefore();
            Hold after = a.plan().holdAfter();
            if (after == null) {
                continue;
            }
            if (before == null) {
                inserts.add(new Object[] {after.holdId(), after.lineId(), after.leafNodeId(), after.currency(),
                    after.frozenMinor(), after.inTransitMinor(), after.inUseMinor(),
                    after.expiresAt() == null ? null : Timestamp.from(after.expiresAt()), at, after.tccXid()});
            } else {
                long[] d = updates.computeIfAbsent(after.holdId(), k -> new long[3]);
                d[0] = Math.addExact(d[0], Math.subtractExact(after.frozenMinor(), before.frozenMinor()));
                d[1] = Math.addExact(d[1], Math.subtractExact(after.inTransitMinor(), before.inTransitMinor()));
                d[2] = Math.addExact(d[2], Math.subtractExact(after.inUseMinor(), before.inUseMinor()));
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
     * A locked batch's net change of every node as ONE guarded update: the nodes are locked and {@code at} is never
     * before their latest flow, so a node's latest flow may be at {@code at}.
     */
    static WriteScript lockedNodeUpdate(List<NodeDelta> entries, Timestamp at) {
        return nodeUpdate(entries, at, "<=");
    }

    /**
     * An optimistic batch's net change of every node as ONE guarded update, its node locks taken here: the batch's
     * flows are already written at its ticket {@code at}, so a node's latest flow must be strictly earlier.
     */
    static WriteScript optimisticNodeUpdate(List<NodeDelta> entries, Timestamp at) {
        return nodeUpdate(entries, at, "<");
    }

    private static WriteScript nodeUpdate(List<NodeDelta> entries, Timestamp at, String lastFlowBefore) {
        Map<Long, long[]> net = new TreeMap<>();
        Map<Long, Instant> expiries = new HashMap<>();
        for (NodeDelta d : entries) {
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
                + " WHERE n.last_flow_at " + lastFlowBefore + " ? AND " + LIMIT_GUARD_SQL, args, net.size());
    }

}
