package io.creditsuite.devstack;

import io.creditsuite.middleware.JdbcUrls;
import io.creditsuite.middleware.MariaDbServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the whole-suite stack's MariaDB over plain JDBC, behind every service's back: what the system tests check
 * the services' answers against. A fresh connection per query (the tests poll, they do not stream). It writes only
 * through {@link #tamper}, the fault a BCP test injects.
 */
final class SuiteDatabase {
    static final String CREDIT = "cs_credit";
    static final String ACCOUNT = "cs_account";

    /** The tables a request that moves money or limit writes to; a refused request must leave their counts alone. */
    static final List<String> MONEY_TABLES = List.of(
            CREDIT + ".lending_loan", CREDIT + ".lending_repayment", CREDIT + ".lending_customer",
            CREDIT + ".credit_hold", CREDIT + ".credit_flow", CREDIT + ".credit_flow_entry", CREDIT + ".outbox_event",
            CREDIT + ".tcc_fence_log", ACCOUNT + ".journal_entry", ACCOUNT + ".pending_credit",
            ACCOUNT + ".tcc_transfer", ACCOUNT + ".outbox_event", ACCOUNT + ".tcc_fence_log");

    private final String serverUrl;

    SuiteDatabase(int port) {
        this.serverUrl = MariaDbServer.serverUrl(port);
    }

    /** A limit node's balances; {@code limit = fixed + temporary - retired} (no temporary limits in these tests). */
    record Node(long nodeId, String lineId, String level, long limitMinor, long frozenMinor, long inTransitMinor,
                long inUseMinor) {
        long usedMinor() {
            return inTransitMinor + inUseMinor;
        }

        boolean withinLimit() {
            return usedMinor() + frozenMinor <= limitMinor;
        }
    }

    /** A ledger account summed over its sub-accounts; {@code balance = available + frozen}. */
    record Account(long accountId, long availableMinor, long frozenMinor, long inTransitMinor) {
        long balanceMinor() {
            return availableMinor + frozenMinor;
        }
    }

    List<Node> nodesOfLines(String lineIdPrefix) {
        return nodes("line_id LIKE ?", lineIdPrefix + "%");
    }

    Node node(long nodeId) {
        return nodes("node_id = ?", nodeId).get(0);
    }

    private List<Node> nodes(String where, Object arg) {
        return query(CREDIT, "SELECT node_id, line_id, level, fixed_minor + temporary_minor - retired_minor, frozen_minor,"
                        + " in_transit_minor, in_use_minor FROM limit_node WHERE " + where + " ORDER BY node_id",
                rows -> new Node(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                        rows.getLong(5), rows.getLong(6), rows.getLong(7)), arg);
    }

    Account account(long accountId) {
        return query(ACCOUNT, "SELECT SUM(available_minor), SUM(frozen_minor), SUM(in_transit_minor) FROM account"
                        + " WHERE id = ? OR parent_id = ?",
                rows -> new Account(accountId, rows.getLong(1), rows.getLong(2), rows.getLong(3)), accountId, accountId)
                .get(0);
    }

    /** Fence statuses of a global transaction in a service's database: 1 tried, 2 committed, 3 rolled back, 4 suspended. */
    List<Integer> fenceStatuses(String database, String xid) {
        return query(database, "SELECT status FROM tcc_fence_log WHERE xid = ? ORDER BY branch_id",
                rows -> rows.getInt(1), xid);
    }

    /** What the hold of a loan still holds: frozen + in transit + in use (0 or no row once rolled back). */
    long holdExposure(String loanId) {
        return query(CREDIT, "SELECT COALESCE(SUM(frozen_minor + in_transit_minor + in_use_minor), 0) FROM credit_hold"
                + " WHERE hold_id = ?", rows -> rows.getLong(1), "loan:" + loanId).get(0);
    }

    String loanXid(String loanId) {
        return query(CREDIT, "SELECT xid FROM lending_loan WHERE loan_id = ?", rows -> rows.getString(1), loanId).get(0);
    }

    List<String> loanIdsOf(String customerId) {
        return query(CREDIT, "SELECT loan_id FROM lending_loan WHERE customer_id = ? ORDER BY loan_id",
                rows -> rows.getString(1), customerId);
    }

    long loansOf(String customerId) {
        return count(CREDIT + ".lending_loan WHERE customer_id = ?", customerId);
    }

    /** Loan ids and statuses of a partner's loans, oldest first. */
    Map<String, String> loanStatuses(String partnerId) {
        Map<String, String> statuses = new LinkedHashMap<>();
        query(CREDIT, "SELECT loan_id, status FROM lending_loan WHERE partner_id = ? ORDER BY created_at, loan_id",
                rows -> statuses.put(rows.getString(1), rows.getString(2)), partnerId);
        return statuses;
    }

    /** Loans not yet ACTIVE, REPAID or REFUSED, and repayments not yet DONE or FAILED, over every partner. */
    long unsettled() {
        return count(CREDIT + ".lending_loan WHERE status IN ('PENDING', 'DISBURSING')")
                + count(CREDIT + ".lending_repayment WHERE status = 'PENDING'");
    }

    Map<String, Long> rowCounts(List<String> tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        tables.forEach(table -> counts.put(table, count(table)));
        return counts;
    }

    /** Sums of DEBIT and CREDIT amounts over the ledger's journal and its not yet folded details. */
    long[] journalDebitsAndCredits() {
        return query(ACCOUNT, "SELECT COALESCE(SUM(CASE WHEN side = 'DEBIT' THEN amount_minor ELSE 0 END), 0),"
                        + " COALESCE(SUM(CASE WHEN side = 'CREDIT' THEN amount_minor ELSE 0 END), 0), COUNT(*)"
                        + " FROM (SELECT side, amount_minor FROM journal_entry"
                        + " UNION ALL SELECT side, amount_minor FROM pending_credit) ledger",
                rows -> new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)}).get(0);
    }

    /** {@code SELECT COUNT(*) FROM <from>}, {@code from} naming the database: {@code cs_credit.lending_loan WHERE ...}. */
    long count(String from, Object... args) {
        return query(CREDIT, "SELECT COUNT(*) FROM " + from, rows -> rows.getLong(1), args).get(0);
    }

    interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Changes rows behind the service's back, as a fault BCP must find; answers how many rows changed. */
    int tamper(String database, String sql, Object... args) {
        String url = JdbcUrls.withDatabase(serverUrl, database);
        try (Connection connection = DriverManager.getConnection(url, MariaDbServer.USER, MariaDbServer.PASSWORD);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + database + " failed: " + e.getMessage(), e);
        }
    }

    <T> List<T> query(String database, String sql, Row<T> row, Object... args) {
        String url = JdbcUrls.withDatabase(serverUrl, database);
        try (Connection connection = DriverManager.getConnection(url, MariaDbServer.USER, MariaDbServer.PASSWORD);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(row.read(rows));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + database + " failed: " + e.getMessage(), e);
        }
    }
}
