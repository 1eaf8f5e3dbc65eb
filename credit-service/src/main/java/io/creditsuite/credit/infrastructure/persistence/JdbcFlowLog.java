package io.creditsuite.credit.infrastructure.persistence;

import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.FlowLog;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.NodeDelta;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The flow log and stored balances for replay, correction and import; runs in the caller's transaction. */
@Component
public class JdbcFlowLog implements FlowLog {
    private static final int CHUNK = 500;
    /** Connector/J streams the rows one by one (instead of loading the whole log) with this fetch size. */
    private static final int FETCH = Integer.MIN_VALUE;
    private static final String ENTRY_COLUMNS = "f.occurred_at, e.node_id, e.fixed_minor, e.temporary_minor,"
            + " e.temporary_expires_at, e.retired_minor, e.frozen_minor, e.in_transit_minor, e.in_use_minor";
    private static final String NODE_COLUMNS = "node_id, line_id, currency, " + LimitRows.BALANCE_COLUMNS;
    private static final RowMapper<StoredNode> NODE = (rs, n) -> new StoredNode(rs.getLong(1), rs.getString(2),
            rs.getString(3), LimitRows.balances(rs, 4));
    private static final String CORRECTION_COLUMNS = "request_id, node_id, line_id, actor, reason, occurred_at,"
            + " before_fixed_minor, before_temporary_minor, before_temporary_expires_at, before_retired_minor,"
            + " before_frozen_minor, before_in_transit_minor, before_in_use_minor,"
            + " after_fixed_minor, after_temporary_minor, after_temporary_expires_at, after_retired_minor,"
            + " after_frozen_minor, after_in_transit_minor, after_in_use_minor, body_hash";

    private final JdbcTemplate jdbc;

    public JdbcFlowLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void streamAll(EntrySink sink) {
        stream("", List.of(), sink);
    }

    @Override
    public void streamNodes(Collection<Long> nodeIds, EntrySink sink) {
        if (nodeIds.isEmpty()) {
            return;
        }
        // one ordered query (not one per chunk), so the sink sees the entries in time order across all the nodes
        stream(" WHERE e.node_id IN (" + marks(nodeIds.size()) + ")", new ArrayList<>(nodeIds), sink);
    }

    private void stream(String where, List<?> args, EntrySink sink) {
        jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM credit_flow f"
                    + " JOIN credit_flow_entry e ON e.flow_seq = f.flow_seq" + where
                    + " ORDER BY f.occurred_at, f.flow_seq, e.node_id", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(FETCH);
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps;
        }, (ResultSet rs) -> {
            sink.accept(rs.getTimestamp(1).toInstant(), entry(rs));
        });
    }

    private static NodeDelta entry(ResultSet rs) throws SQLException {
        return new NodeDelta(rs.getLong(2), rs.getLong(3), rs.getLong(4), LimitRows.instant(rs.getTimestamp(5)),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9));
    }

    @Override
    public long flowCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM credit_flow", Long.class);
    }

    @Override
    public Map<Long, StoredNode> storedNodes() {
        Map<Long, StoredNode> nodes = new HashMap<>();
        jdbc.query("SELECT " + NODE_COLUMNS + " FROM limit_node", (ResultSet rs) -> {
            StoredNode node = NODE.mapRow(rs, 0);
            nodes.put(node.nodeId(), node);
        });
        return nodes;
    }

    @Override
    public Map<Long, StoredNode> lockNodes(Collection<Long> nodeIds) {
        Map<Long, StoredNode> locked = new TreeMap<>();
        List<Long> sorted = new ArrayList<>(new java.util.TreeSet<>(nodeIds));
        for (int i = 0; i < sorted.size(); i += CHUNK) {
            List<Long> chunk = sorted.subList(i, Math.min(sorted.size(), i + CHUNK));
            jdbc.query("SELECT " + NODE_COLUMNS + " FROM limit_node WHERE node_id IN (" + marks(chunk.size())
                    + ") ORDER BY node_id FOR UPDATE", NODE, chunk.toArray()).forEach(n -> locked.put(n.nodeId(), n));
        }
        return locked;
    }

    @Override
    public void setBalances(long nodeId, Balances b) {
        int updated = jdbc.update("UPDATE limit_node SET fixed_minor = ?, temporary_minor = ?, temporary_expires_at = ?,"
                        + " retired_minor = ?, frozen_minor = ?, in_transit_minor = ?, in_use_minor = ? WHERE node_id = ?",
                b.fixedMinor(), b.temporaryMinor(), LimitRows.timestamp(b.temporaryExpiresAt()), b.retiredMinor(),
                b.frozenMinor(), b.inTransitMinor(), b.inUseMinor(), nodeId);
        if (updated != 1) {
            throw new IncorrectUpdateSemanticsDataAccessException("setting node " + nodeId + " matched " + updated + " rows");
        }
    }

    @Override
    public boolean insertCorrection(Correction c) {
        try {
            jdbc.update("INSERT INTO credit_balance_correction (" + CORRECTION_COLUMNS + ") VALUES ("
                            + marks(21) + ")", c.requestId(), c.nodeId(), c.lineId(), c.actor(), c.reason(),
                    Timestamp.from(c.occurredAt()),
                    c.before().fixedMinor(), c.before().temporaryMinor(), LimitRows.timestamp(c.before().temporaryExpiresAt()),
                    c.before().retiredMinor(), c.before().frozenMinor(), c.before().inTransitMinor(), c.before().inUseMinor(),
                    c.after().fixedMinor(), c.after().temporaryMinor(), LimitRows.timestamp(c.after().temporaryExpiresAt()),
                    c.after().retiredMinor(), c.after().frozenMinor(), c.after().inTransitMinor(), c.after().inUseMinor(),
                    c.bodyHash());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public List<Correction> corrections(String requestId) {
        return jdbc.query("SELECT " + CORRECTION_COLUMNS + " FROM credit_balance_correction WHERE request_id = ?"
                + " ORDER BY node_id", (rs, n) -> new Correction(rs.getString(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), LimitRows.balances(rs, 7),
                LimitRows.balances(rs, 14), rs.getString(21)), requestId);
    }

    @Override
    public Set<String> existingRequestIds(Collection<String> requestIds) {
        return existing("SELECT request_id FROM credit_flow WHERE request_id IN (", requestIds);
    }

    /** Which of {@code ids} the query (ending in {@code IN (}) finds, asked in chunks. */
    private Set<String> existing(String queryUpToIn, Collection<String> ids) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            found.addAll(jdbc.queryForList(queryUpToIn + marks(chunk.size()) + ")", String.class, chunk.toArray()));
        }
        return found;
    }

    @Override
    public void append(List<NewFlow> flows) {
        List<Object[]> entries = new ArrayList<>();
        jdbc.execute((java.sql.Connection connection) -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO credit_flow (request_id, body_hash,"
                    + " flow_type, hold_id, line_id, from_customer_id, to_customer_id, currency, cash_minor, credit_minor,"
                    + " occurred_at, trace_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                // one row at a time: the flow_seq order must be the list's order, and each key is needed for its entries
                for (NewFlow flow : flows) {
                    var h = flow.header();
                    ps.setString(1, flow.requestId());
                    ps.setString(2, flow.bodyHash());
                    ps.setString(3, flow.type().name());
                    ps.setString(4, flow.holdId());
                    ps.setString(5, h.lineId());
                    ps.setString(6, h.fromCustomerId());
                    ps.setString(7, h.toCustomerId());
                    ps.setString(8, h.currency());
                    ps.setLong(9, h.cashMinor());
                    ps.setLong(10, h.creditMinor());
                    ps.setTimestamp(11, Timestamp.from(flow.occurredAt()));
                    ps.setString(12, h.traceId());
                    ps.executeUpdate();
                    long seq;
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        seq = keys.getLong(1);
                    }
                    for (NodeDelta d : flow.entries()) {
                        entries.add(new Object[] {seq, d.nodeId(), d.fixedMinor(), d.temporaryMinor(),
                            LimitRows.timestamp(d.temporaryExpiresAt()), d.retiredMinor(), d.frozenMinor(),
                            d.inTransitMinor(), d.inUseMinor()});
                    }
                }
            }
            return null;
        });
        jdbc.batchUpdate("INSERT INTO credit_flow_entry (flow_seq, node_id, fixed_minor, temporary_minor,"
                + " temporary_expires_at, retired_minor, frozen_minor, in_transit_minor, in_use_minor)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", entries, new int[] {Types.BIGINT, Types.BIGINT, Types.BIGINT,
                    Types.BIGINT, Types.TIMESTAMP, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT});
    }

    @Override
    public Set<String> existingHoldIds(Collection<String> holdIds) {
        return existing("SELECT hold_id FROM credit_hold WHERE hold_id IN (", holdIds);
    }

    @Override
    public void insertHolds(List<ImportedHold> holds) {
        jdbc.batchUpdate("INSERT INTO credit_hold (hold_id, line_id, leaf_node_id, currency, frozen_minor, in_transit_minor,"
                + " in_use_minor, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", holds.stream().map(i -> {
                    Hold h = i.hold();
                    return new Object[] {h.holdId(), h.lineId(), h.leafNodeId(), h.currency(), h.frozenMinor(),
                        h.inTransitMinor(), h.inUseMinor(), LimitRows.timestamp(h.expiresAt()), Timestamp.from(i.openedAt())};
                }).toList(), new int[] {Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.CHAR, Types.BIGINT, Types.BIGINT,
                    Types.BIGINT, Types.TIMESTAMP, Types.TIMESTAMP});
    }

    @Override
    public Optional<ImportRecord> importRecord(String requestId) {
        return jdbc.query("SELECT request_id, body_hash, actor, reason, imported_at, flow_count, entry_count, node_count"
                + " FROM credit_flow_import WHERE request_id = ?", (rs, n) -> new ImportRecord(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getInt(6),
                rs.getInt(7), rs.getInt(8)), requestId).stream().findFirst();
    }

    @Override
    public boolean insertImport(ImportRecord r) {
        try {
            jdbc.update("INSERT INTO credit_flow_import (request_id, body_hash, actor, reason, imported_at, flow_count,"
                    + " entry_count, node_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", r.requestId(), r.bodyHash(), r.actor(),
                    r.reason(), Timestamp.from(r.importedAt()), r.flowCount(), r.entryCount(), r.nodeCount());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    static Instant instant(Timestamp t) {
        return LimitRows.instant(t);
    }
}
