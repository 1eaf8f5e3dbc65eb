package io.creditsuite.reconcile.infrastructure.full;

import io.creditsuite.reconcile.application.full.CreditSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** credit-service's tables as the full check reads them (its schema, read-only); one statement per chunk. */
public class JdbcCreditSource implements CreditSource {
    private static final List<String> FIELDS = List.of("fixed", "temporary", "retired", "frozen", "in_transit", "in_use");

    /** One customer's figures; every sub-select reads the same statement's snapshot. */
    private static final String CUSTOMER = "SELECT c.customer_id, lc.loan_account_id,"
            + " (SELECT COALESCE(SUM(l.amount_minor - l.repaid_principal_minor), 0) FROM lending_loan l"
            + "   WHERE l.customer_id = c.customer_id AND l.status IN ('DISBURSING', 'ACTIVE', 'REPAID')) AS loan_principal,"
            + " (SELECT COALESCE(SUM(h.in_transit_minor + h.in_use_minor), 0) FROM lending_loan l"
            + "   JOIN credit_hold h ON h.hold_id = CONCAT('loan:', l.loan_id) WHERE l.customer_id = c.customer_id) AS credit_used,"
            + " (SELECT COALESCE(SUM(n.frozen_minor), 0) FROM credit_line cl JOIN limit_node n ON n.line_id = cl.line_id"
            + "   WHERE cl.holder_id = c.customer_id"
            + "   AND NOT EXISTS (SELECT 1 FROM limit_edge e WHERE e.parent_node_id = n.node_id)) AS leaf_frozen,"
            + " (SELECT COALESCE(SUM(h.frozen_minor), 0) FROM credit_line cl JOIN credit_hold h ON h.line_id = cl.line_id"
            + "   WHERE cl.holder_id = c.customer_id) AS holds_frozen,"
            + " (SELECT COUNT(*) FROM lending_loan l WHERE l.customer_id = c.customer_id"
            + "   AND l.status IN ('PENDING', 'DISBURSING'))"
            + " + (SELECT COUNT(*) FROM lending_repayment r JOIN lending_loan l ON l.loan_id = r.loan_id"
            + "   WHERE l.customer_id = c.customer_id AND r.status = 'PENDING') AS in_flight,"
            + " (SELECT GROUP_CONCAT(l.loan_id ORDER BY l.loan_id SEPARATOR ',') FROM lending_loan l"
            + "   WHERE l.customer_id = c.customer_id AND l.status <> 'REFUSED') AS loan_ids"
            + " FROM credit_customer c LEFT JOIN lending_customer lc ON lc.customer_id = c.customer_id";

    private final JdbcTemplate jdbc;

    public JdbcCreditSource(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long maxNodeId() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(node_id), 0) FROM limit_node", Long.class);
    }

    @Override
    public List<NodeBalances> nodes(long afterId, long upToId) {
        StringBuilder sums = new StringBuilder();
        StringBuilder columns = new StringBuilder();
        for (String f : FIELDS) {
            sums.append("SUM(").append(f).append("_minor) AS r_").append(f).append(", ");
            columns.append("n.").append(f).append("_minor AS s_").append(f).append(", COALESCE(r.r_").append(f)
                    .append(", 0) AS r_").append(f).append(", ");
        }
        return jdbc.query("SELECT n.node_id, n.line_id, " + columns + "COALESCE(r.n, 0) AS n FROM limit_node n"
                + " LEFT JOIN (SELECT node_id, " + sums + "COUNT(*) AS n FROM credit_flow_entry WHERE node_id > ?"
                + "   AND node_id <= ? GROUP BY node_id) r ON r.node_id = n.node_id"
                + " WHERE n.node_id > ? AND n.node_id <= ? ORDER BY n.node_id", JdbcCreditSource::node,
                afterId, upToId, afterId, upToId);
    }

    @Override
    public List<CustomerBalances> customers(String afterId, int limit) {
        return jdbc.query(CUSTOMER + " WHERE c.customer_id > ? ORDER BY c.customer_id LIMIT ?",
                JdbcCreditSource::customer, afterId, limit);
    }

    @Override
    public List<CustomerBalances> customer(String customerId) {
        return jdbc.query(CUSTOMER + " WHERE c.customer_id = ?", JdbcCreditSource::customer, customerId);
    }

    private static NodeBalances node(ResultSet rs, int row) throws SQLException {
        Map<String, Long> stored = new LinkedHashMap<>();
        Map<String, Long> replayed = new LinkedHashMap<>();
        for (String f : FIELDS) {
            stored.put(f, rs.getLong("s_" + f));
            replayed.put(f, JdbcLedgerSource.exact(rs, "r_" + f));
        }
        return new NodeBalances(rs.getLong("node_id"), rs.getString("line_id"), stored, replayed, rs.getLong("n"));
    }

    private static CustomerBalances customer(ResultSet rs, int row) throws SQLException {
        Long account = rs.getObject("loan_account_id") == null ? null : rs.getLong("loan_account_id");
        return new CustomerBalances(rs.getString("customer_id"), account,
                JdbcLedgerSource.exact(rs, "loan_principal"), JdbcLedgerSource.exact(rs, "credit_used"),
                JdbcLedgerSource.exact(rs, "leaf_frozen"), JdbcLedgerSource.exact(rs, "holds_frozen"),
                rs.getLong("in_flight"), rs.getString("loan_ids"));
    }
}
