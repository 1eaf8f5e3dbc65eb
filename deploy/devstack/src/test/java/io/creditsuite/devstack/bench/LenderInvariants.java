package io.creditsuite.devstack.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The money invariants after a run, read over JDBC from the suite's databases or the baseline's schema:
 * <pre>
 *   overdrawn = #{nodes n of the lender : used(n) + frozen(n) &gt; limit(n)} + #{funding : available &lt; 0}
 *               (limit = fixed + temporary - retired, used = in_transit + in_use)
 *   drift     = |sum of debits - sum of credits|  (journal entries that move a balance)
 *             + sum over customers c |used(c's line node) - balance(c's loan account)| + in_transit(c's loan account)
 * </pre>
 */
final class LenderInvariants {
    record Result(long overdrawn, long drift) {
    }

    private LenderInvariants() {
    }

    static Result check(Connection connection, String creditSchema, String accountSchema, long[] nodeIds,
                        long fundingAccountId, List<NaiveLocalDrawdown.Customer> customers) throws SQLException {
        String nodes = join(nodeIds);
        long overdrawn = count(connection, "SELECT COUNT(*) FROM " + creditSchema + ".limit_node WHERE node_id IN ("
                + nodes + ") AND in_transit_minor + in_use_minor + frozen_minor > fixed_minor + temporary_minor"
                + " - retired_minor");
        overdrawn += count(connection, "SELECT COUNT(*) FROM " + accountSchema + ".account WHERE id = "
                + fundingAccountId + " AND available_minor + overdraft_minor < 0");
        long drift = Math.abs(count(connection, "SELECT COALESCE(SUM(CASE side WHEN 'DEBIT' THEN amount_minor"
                + " ELSE -amount_minor END), 0) FROM " + accountSchema + ".journal_entry"
                + " WHERE movement IN ('POSTING', 'SETTLE_FROZEN', 'SETTLE_IN_TRANSIT')"));
        for (NaiveLocalDrawdown.Customer c : customers) {
            long lineNode = c.pathNodeIds()[2];
            long used = count(connection, "SELECT in_transit_minor + in_use_minor FROM " + creditSchema
                    + ".limit_node WHERE node_id = " + lineNode);
            long balance = count(connection, "SELECT available_minor + frozen_minor FROM " + accountSchema
                    + ".account WHERE id = " + c.loanAccountId());
            long inTransit = count(connection, "SELECT in_transit_minor FROM " + accountSchema + ".account WHERE id = "
                    + c.loanAccountId());
            drift += Math.abs(used - balance) + inTransit;
        }
        return new Result(overdrawn, drift);
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    static String join(long[] ids) {
        StringBuilder out = new StringBuilder();
        for (long id : ids) {
            out.append(out.length() == 0 ? "" : ",").append(id);
        }
        return out.toString();
    }
}
