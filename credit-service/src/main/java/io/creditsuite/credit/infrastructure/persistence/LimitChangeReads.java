package io.creditsuite.credit.infrastructure.persistence;

import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.LimitChange;
import io.creditsuite.credit.domain.StoredFlow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The reads of a batch of changes, inside its transaction, with their locks: lines shared, nodes exclusive
 * (ascending id), holds exclusive (ascending id), in that order (the lock order everywhere). Reads only; the planning
 * is {@code BatchPlanner}'s, the writes {@link LimitChangeWrites}'.
 */
final class LimitChangeReads {
    private static final int IN_CHUNK = WriteScript.MAX_ROWS;
    /** A line's twelve columns in the node branch of {@link #lockLinesNodesAndHolds}, and a node's nine in the line branch. */
    private static final String NO_LINE = String.join(", ", Collections.nCopies(12, "NULL"));
    private static final String NO_NODE = String.join(", ", Collections.nCopies(9, "NULL"));
    /** kind, then the line's twelve columns: the node's id comes 14th, its seven balances and last flow time after it. */
    private static final int NODE_ID_COLUMN = 14;
    /** A node's columns as the writer reads them: its id, seven balances, the time of its latest flow. */
    private static final String NODE_COLUMNS = "node_id, " + LimitRows.BALANCE_COLUMNS + ", last_flow_at";

    private final JdbcTemplate jdbc;

    LimitChangeReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a locked batch reads: the usable lines (shared lock), the nodes (exclusive) with the latest of their last
     * flow times, and the holds the changes work on (exclusive).
     */
    record Locked(Map<String, CreditLine> lines, Map<Long, Balances> nodes, Instant latestFlow, Map<String, Hold> holds) {
    }

    /**
     * The flows already written for the batch's request ids. A batch of several changes does not look them up (the
     * unique key refuses a repeat, the batch rolls back and its changes are written one by one); a single change
     * does, so its retry is answered.
     */
    Map<String, StoredFlow> storedFlowsOfASinglePosting(List<LimitChange> batch) {
        if (batch.size() != 1) {
            return Map.of();
        }
        Map<String, StoredFlow> found = new HashMap<>();
        jdbc.query("SELECT request_id, body_hash, hold_id, flow_seq FROM credit_flow WHERE request_id = ?",
                (ResultSet rs) -> {
                    found.put(rs.getString(1), new StoredFlow(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getLong(4)));
                }, batch.get(0).requestId());
        return found;
    }

    /**
     * The lines of the batch's changes that need a usable line, read under a shared lock held to the commit, and the
     * nodes, read under an exclusive lock in ascending id, in ONE statement: a UNION ALL runs its branches in order, so
     * the lines are locked before the nodes, the lock order everywhere, and a batch saves a round trip. Each branch
     * keeps its own lock mode (MariaDB allows a locking clause per parenthesised branch). More keys than one statement
     * takes: two statements, in the same order. Then the holds.
     */
    Locked lockLinesNodesAndHolds(List<LimitChange> batch) {
        TreeSet<String> lineIds = new TreeSet<>();
        TreeSet<Long> nodeIds = new TreeSet<>();
        for (LimitChange p : batch) {
            if (p.usableLineId() != null) {
                lineIds.add(p.usableLineId());
            }
            nodeIds.addAll(p.nodeIds());
        }
        Map<String, CreditLine> lines = new HashMap<>();
        LockedNodes nodes = new LockedNodes();
        if (lineIds.size() > IN_CHUNK || nodeIds.size() > IN_CHUNK) {
            lines.putAll(lockLinesShared(batch));
            for (List<Long> chunk : chunks(new ArrayList<>(nodeIds))) {
                jdbc.query("SELECT " + NODE_COLUMNS + " FROM limit_node WHERE node_id IN ("
                        + WriteScript.marks(chunk.size()) + ") ORDER BY node_id FOR UPDATE",
                        (ResultSet rs) -> {
                            nodes.add(rs, 1);
                        }, chunk.toArray());
            }
        } else {
            // key lists padded to a power of two (a repeated key changes nothing): few shapes, all prepared before
            List<Long> nodeKeys = WriteScript.padded(new ArrayList<>(nodeIds));
            List<String> lineKeys = lineIds.isEmpty() ? List.of() : WriteScript.padded(new ArrayList<>(lineIds));
            String nodeSql = "SELECT 'N', " + NO_LINE + ", " + NODE_COLUMNS
                    + " FROM limit_node WHERE node_id IN (" + WriteScript.marks(nodeKeys.size())
                    + ") ORDER BY node_id FOR UPDATE";
            String sql = lineIds.isEmpty() ? nodeSql
                    : "(SELECT 'L', " + LimitRows.LINE_COLUMNS + ", " + NO_NODE + " FROM credit_line WHERE line_id IN ("
                        + WriteScript.marks(lineKeys.size()) + ") ORDER BY line_id LOCK IN SHARE MODE) UNION ALL ("
                        + nodeSql + ")";
            List<Object> args = new ArrayList<>(lineKeys);
            args.addAll(nodeKeys);
            jdbc.query(sql, (ResultSet rs) -> {
                if (rs.getString(1).equals("L")) {
                    CreditLine line = LimitRows.line(rs, 2);
                    lines.put(line.lineId(), line);
                } else {
                    nodes.add(rs, NODE_ID_COLUMN);
                }
            }, args.toArray());
        }
        return new Locked(lines, nodes.balances, nodes.latestFlow, lockHolds(batch));
    }

    /** The nodes read so far, and the latest of their last flow times. */
    private static final class LockedNodes {
        final Map<Long, Balances> balances = new TreeMap<>();
        Instant latestFlow = Instant.EPOCH;

        /** The node whose {@link #NODE_COLUMNS} start at {@code column}. */
        void add(ResultSet rs, int column) throws SQLException {
            balances.put(rs.getLong(column), LimitRows.balances(rs, column + 1));
            Instant lastFlow = rs.getTimestamp(column + 8).toInstant();
            if (lastFlow.isAfter(latestFlow)) {
                latestFlow = lastFlow;
            }
        }
    }

    /** The lines that must be usable, shared-locked: an optimistic batch's only read. */
    Map<String, CreditLine> lockLinesShared(List<LimitChange> batch) {
        return readByKey(batch, LimitChange::usableLineId, "SELECT " + LimitRows.LINE_COLUMNS
                + " FROM credit_line WHERE line_id IN (%s) ORDER BY line_id LOCK IN SHARE MODE",
                (rs, n) -> LimitRows.line(rs), CreditLine::lineId);
    }

    private Map<String, Hold> lockHolds(List<LimitChange> batch) {
        return readByKey(batch, p -> p.operation().existingHoldId(), "SELECT " + LimitRows.HOLD_COLUMNS
                + " FROM credit_hold WHERE hold_id IN (%s) ORDER BY hold_id FOR UPDATE",
                (rs, n) -> LimitRows.hold(rs), Hold::holdId);
    }

    /**
     * The rows of the keys the batch's changes name ({@code keyOf} null: none), by {@code sqlFormat} (its
     * {@code %s} takes the keys' marks), in ascending key order and at most {@link #IN_CHUNK} keys a statement.
     */
    private <V> Map<String, V> readByKey(List<LimitChange> batch, Function<LimitChange, String> keyOf, String sqlFormat,
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

    /** Key lists of at most {@value #IN_CHUNK} keys each, padded to a power of two ({@link WriteScript#padded}). */
    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            chunks.add(WriteScript.padded(all.subList(i, Math.min(all.size(), i + IN_CHUNK))));
        }
        return chunks;
    }
}
