package io.creditsuite.credit.infrastructure.persistence;

import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.CreditCustomer;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.CustomerSource;
import io.creditsuite.credit.domain.EdgeKind;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.LimitNode;
import io.creditsuite.credit.domain.LimitPath;
import io.creditsuite.credit.domain.LimitRejection;
import io.creditsuite.credit.domain.NodeDelta;
import io.creditsuite.credit.domain.NodeLevel;
import io.creditsuite.credit.domain.PathNode;
import io.creditsuite.credit.domain.StoredFlow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads of the limit model. The shape of the DAG (a node's line, a leaf's path) never changes once granted,
 * so it is cached for good; a line (its status and term) is cached briefly and dropped at once when this
 * instance changes it. Balances are never cached.
 */
@Component
public class JdbcLimitDirectory implements LimitDirectory {
    private static final Duration LINE_TTL = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<Long, LimitPath> paths = new ConcurrentHashMap<>();
    private final Map<Long, String> nodeLines = new ConcurrentHashMap<>();
    private final Map<String, CachedLine> lines = new ConcurrentHashMap<>();

    private record CachedLine(CreditLine line, Instant loadedAt) {
    }

    public JdbcLimitDirectory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<CreditCustomer> customer(String customerId) {
        return jdbc.query("SELECT customer_id, name, source, group_id, department FROM credit_customer"
                        + " WHERE customer_id = ?",
                (rs, n) -> new CreditCustomer(rs.getString(1), rs.getString(2), CustomerSource.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5)), customerId).stream().findFirst();
    }

    @Override
    public Optional<CreditLine> line(String lineId) {
        Instant now = clock.instant();
        CachedLine cached = lines.get(lineId);
        if (cached != null && cached.loadedAt.plus(LINE_TTL).isAfter(now)) {
            return Optional.of(cached.line);
        }
        Optional<CreditLine> loaded = jdbc.query("SELECT " + LimitRows.LINE_COLUMNS + " FROM credit_line WHERE line_id = ?",
                (rs, n) -> LimitRows.line(rs), lineId)
                .stream().findFirst();
        loaded.ifPresent(line -> lines.put(lineId, new CachedLine(line, now)));
        return loaded;
    }

    @Override
    public void lineChanged(String lineId) {
        lines.remove(lineId);
    }

    @Override
    public Optional<LimitNode> node(long nodeId) {
        List<LimitNode> found = nodes("n.node_id = ?", List.of(nodeId));
        return found.stream().findFirst();
    }

    @Override
    public Optional<String> lineOfNode(long nodeId) {
        String cached = nodeLines.get(nodeId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> found = jdbc.queryForList("SELECT line_id FROM limit_node WHERE node_id = ?", String.class, nodeId)
                .stream().findFirst();
        found.ifPresent(lineId -> nodeLines.put(nodeId, lineId));
        return found;
    }

    @Override
    public LimitPath pathFrom(long leafNodeId) {
        return paths.computeIfAbsent(leafNodeId, this::loadPath);
    }

    private LimitPath loadPath(long leaf) {
        Map<Long, PathNode> path = new LinkedHashMap<>();
        List<Long> roots = new ArrayList<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(leaf));
        while (!todo.isEmpty()) {
            long nodeId = todo.poll();
            if (path.containsKey(nodeId)) {
                continue;
            }
            Boolean revolving = jdbc.queryForObject("SELECT revolving FROM limit_node WHERE node_id = ?", Boolean.class,
                    nodeId);
            path.put(nodeId, new PathNode(nodeId, Boolean.TRUE.equals(revolving)));
            List<Long> parents = jdbc.queryForList("SELECT parent_node_id FROM limit_edge WHERE child_node_id = ?"
                    + " AND kind = ? ORDER BY parent_node_id", Long.class, nodeId, EdgeKind.USAGE.name());
            if (parents.isEmpty()) {
                roots.add(nodeId);
            }
            todo.addAll(parents);
        }
        return new LimitPath(new ArrayList<>(path.values()), Collections.min(roots));
    }

    @Override
    public Optional<Hold> hold(String holdId) {
        return jdbc.query("SELECT " + LimitRows.HOLD_COLUMNS + " FROM credit_hold WHERE hold_id = ?",
                (rs, n) -> LimitRows.hold(rs), holdId).stream().findFirst();
    }

    @Override
    public Optional<StoredFlow> flow(String requestId) {
        return jdbc.query("SELECT request_id, body_hash, hold_id, flow_seq FROM credit_flow WHERE request_id = ?",
                (rs, n) -> new StoredFlow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)), requestId)
                .stream().findFirst();
    }

    @Override
    public List<NodeDelta> entriesOf(String requestId) {
        return jdbc.query("SELECT e.node_id, e.fixed_minor, e.temporary_minor, e.temporary_expires_at, e.retired_minor,"
                        + " e.frozen_minor, e.in_transit_minor, e.in_use_minor FROM credit_flow_entry e"
                        + " JOIN credit_flow f ON f.flow_seq = e.flow_seq WHERE f.request_id = ? ORDER BY e.node_id",
                (rs, n) -> new NodeDelta(rs.getLong(1), rs.getLong(2), rs.getLong(3), LimitRows.instant(rs.getTimestamp(4)),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)), requestId);
    }

    @Override
    public List<LimitNode> nodesOfLines(Collection<String> lineIds) {
        if (lineIds.isEmpty()) {
            return List.of();
        }
        return nodes("n.line_id IN (" + String.join(", ", Collections.nCopies(lineIds.size(), "?")) + ")",
                new ArrayList<>(lineIds));
    }

    private List<LimitNode> nodes(String where, List<?> args) {
        List<Object[]> raw = jdbc.query("SELECT n.node_id, n.line_id, n.level, n.business_type, n.product_code, n.revolving,"
                        + " n.currency, n." + LimitRows.BALANCE_COLUMNS.replace(", ", ", n.") + " FROM limit_node n WHERE "
                        + where + " ORDER BY n.line_id, n.node_id",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), NodeLevel.valueOf(rs.getString(3)), rs.getString(4),
                    rs.getString(5), rs.getBoolean(6), rs.getString(7), LimitRows.balances(rs, 8)}, args.toArray());
        if (raw.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> usage = new HashMap<>();
        Map<Long, List<Long>> grant = new HashMap<>();
        List<Long> ids = raw.stream().map(r -> (Long) r[0]).toList();
        jdbc.query("SELECT child_node_id, parent_node_id, kind FROM limit_edge WHERE child_node_id IN ("
                        + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") ORDER BY parent_node_id",
                (ResultSet rs) -> {
                    (EdgeKind.valueOf(rs.getString(3)) == EdgeKind.USAGE ? usage : grant)
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }, ids.toArray());
        return raw.stream().map(r -> new LimitNode((Long) r[0], (String) r[1], (NodeLevel) r[2], (String) r[3],
                (String) r[4], (Boolean) r[5], (String) r[6], usage.getOrDefault((Long) r[0], List.of()),
                grant.getOrDefault((Long) r[0], List.of()), (Balances) r[7])).toList();
    }

    @Override
    public List<String> lineIdsOfCustomers(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(customerIds.size(), "?"));
        List<Object> args = new ArrayList<>(customerIds);
        args.addAll(customerIds);
        return jdbc.queryForList("SELECT line_id FROM credit_line WHERE holder_id IN (" + marks + ") OR grantor_id IN ("
                + marks + ") ORDER BY line_id", String.class, args.toArray());
    }

    @Override
    public List<String> customersInGroup(String groupId) {
        return jdbc.queryForList("SELECT customer_id FROM credit_customer WHERE group_id = ?", String.class, groupId);
    }

    @Override
    public List<String> customersInDepartment(String department) {
        return jdbc.queryForList("SELECT customer_id FROM credit_customer WHERE department = ?", String.class, department);
    }

    /**
     * Mirrors {@link io.creditsuite.credit.domain.GrantControlPolicy#grantedAt} in SQL (one SUM instead of every
     * child's row), in DECIMAL so that no sum wraps or errors; one past {@code Long.MAX_VALUE} is refused as the
     * policy refuses it. {@code MoneyRuleSqlMirrorIT} runs a table of cases through both.
     */
    @Override
    public long grantedUnder(long parentNodeId, Instant at) {
        java.math.BigDecimal sum = jdbc.queryForObject("SELECT COALESCE(SUM(CAST(n.fixed_minor AS DECIMAL(20))"
                + " + IF(n.temporary_expires_at > ?, n.temporary_minor, 0)), 0) FROM limit_edge e JOIN limit_node n"
                + " ON n.node_id = e.child_node_id WHERE e.parent_node_id = ? AND e.kind = ?", java.math.BigDecimal.class,
                Timestamp.from(at), parentNodeId, EdgeKind.GRANT.name());
        if (sum == null) {
            return 0;
        }
        if (sum.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new LimitRejection(LimitRejection.Reason.AMOUNT_OVERFLOW, "the limits granted under node "
                    + parentNodeId + " sum to " + sum + ", past " + Long.MAX_VALUE);
        }
        return sum.longValueExact();
    }

    @Override
    public Optional<Long> grantParentOf(long childNodeId) {
        return jdbc.queryForList("SELECT parent_node_id FROM limit_edge WHERE child_node_id = ? AND kind = ?", Long.class,
                childNodeId, EdgeKind.GRANT.name()).stream().findFirst();
    }

    @Override
    public List<Hold> expiredHolds(Instant now, int max) {
        return jdbc.query("SELECT " + LimitRows.HOLD_COLUMNS + " FROM credit_hold WHERE expires_at <= ? AND frozen_minor > 0"
                + " AND tcc_xid IS NULL"
                + " ORDER BY expires_at LIMIT ?", (rs, n) -> LimitRows.hold(rs), Timestamp.from(now), max);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        return LimitRows.instant(rs.getTimestamp(column));
    }
}
