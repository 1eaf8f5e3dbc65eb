package io.creditsuite.devstack.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The naive single-service baseline: a whole drawdown as ONE local JDBC transaction on one database
 * ({@value #SCHEMA}, on the suite's own MariaDB), writing the rows the suite writes for a drawdown, in their final
 * state. Its tables are made {@code LIKE} the suite's own (same columns, keys, CHECKs; no foreign keys), its limit
 * nodes and accounts are copies of the seeded lender's rows. Per drawdown, in this order:
 * <ol>
 *   <li>INSERT lending_loan (ACTIVE, disbursed);</li>
 *   <li>one guarded UPDATE of the 4 limit nodes of the path (product, business type, the customer's line, the shared
 *       guarantee): {@code in_use += amount WHERE fixed + temporary - retired - frozen - in_transit - in_use >= amount},
 *       4 rows or rollback;</li>
 *   <li>INSERT credit_hold (in use), credit_flow (one USE flow), 4 credit_flow_entry rows (one statement);</li>
 *   <li>SELECT ... FOR UPDATE of the funding and the loan account (ascending id), then per account a guarded UPDATE
 *       (version + 1, new last_hash; the funding's {@code available - amount >= 0});</li>
 *   <li>INSERT 2 journal_entry rows (funding CREDIT, loan receivable DEBIT; SHA-256 hash chain computed here);</li>
 *   <li>INSERT tcc_transfer (the payout's record, CONFIRMED); COMMIT.</li>
 * </ol>
 * Not written: fence rows, outbox rows, the gateway's nonce and idempotency rows (the suite writes those too).
 * Each client thread has its own connection (no pool wait), so the baseline is, if anything, favoured.
 */
final class NaiveLocalDrawdown {
    static final String SCHEMA = "cs_bench_local";
    private static final List<String> CREDIT_TABLES = List.of("lending_loan", "limit_node", "credit_hold",
            "credit_flow", "credit_flow_entry");
    private static final List<String> ACCOUNT_TABLES = List.of("account", "journal_entry", "tcc_transfer");

    /** A customer's path (leaf first, the shared guarantee last) and its loan account. */
    record Customer(String customerId, String lineId, long productNodeId, long[] pathNodeIds, long loanAccountId) {
    }

    private final long fundingAccountId;
    private final String runId;

    NaiveLocalDrawdown(long fundingAccountId, String runId) {
        this.fundingAccountId = fundingAccountId;
        this.runId = runId;
    }

    /** Makes the schema afresh and copies the lender's nodes and accounts as they are now (before any drawdown). */
    static void prepare(Connection server, List<Customer> customers, long fundingAccountId) throws SQLException {
        try (Statement ddl = server.createStatement()) {
            ddl.execute("DROP DATABASE IF EXISTS " + SCHEMA);
            ddl.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            for (String table : CREDIT_TABLES) {
                ddl.execute("CREATE TABLE " + SCHEMA + "." + table + " LIKE cs_credit." + table);
            }
            for (String table : ACCOUNT_TABLES) {
                ddl.execute("CREATE TABLE " + SCHEMA + "." + table + " LIKE cs_account." + table);
            }
            String nodes = customers.stream().flatMapToLong(c -> java.util.Arrays.stream(c.pathNodeIds())).distinct()
                    .mapToObj(Long::toString).reduce((a, b) -> a + "," + b).orElseThrow();
            ddl.execute("INSERT INTO " + SCHEMA + ".limit_node SELECT * FROM cs_credit.limit_node WHERE node_id IN ("
                    + nodes + ")");
            String accounts = fundingAccountId + customers.stream().map(c -> "," + c.loanAccountId())
                    .reduce("", String::concat);
            ddl.execute("INSERT INTO " + SCHEMA + ".account SELECT * FROM cs_account.account WHERE id IN ("
                    + accounts + ")");
        }
    }

    /** One drawdown, one local transaction; {@code connection} is the client's own, autocommit off. */
    String drawdown(Connection connection, Customer customer, long amountMinor, int client, long seq)
            throws SQLException {
        String loanId = "NL" + runId + "-" + client + "-" + seq;
        Timestamp now = Timestamp.from(Instant.now());
        try {
            try (PreparedStatement loan = connection.prepareStatement("INSERT INTO " + SCHEMA + ".lending_loan"
                    + " (loan_id, partner_id, request_id, body_hash, customer_id, line_id, product_node_id, amount_minor,"
                    + " currency, payee_account, status, created_at, disbursed_at)"
                    + " VALUES (?, 'naive', ?, ?, ?, ?, ?, ?, 'CNY', '6222000000000001', 'ACTIVE', ?, ?)")) {
                loan.setString(1, loanId);
                loan.setString(2, loanId);
                loan.setString(3, sha256(loanId + amountMinor));
                loan.setString(4, customer.customerId());
                loan.setString(5, customer.lineId());
                loan.setLong(6, customer.productNodeId());
                loan.setLong(7, amountMinor);
                loan.setTimestamp(8, now);
                loan.setTimestamp(9, now);
                loan.executeUpdate();
            }
            long[] path = customer.pathNodeIds();
            try (PreparedStatement nodes = connection.prepareStatement("UPDATE " + SCHEMA + ".limit_node"
                    + " SET in_use_minor = in_use_minor + ?, last_flow_at = ? WHERE node_id IN (?, ?, ?, ?)"
                    + " AND fixed_minor + temporary_minor - retired_minor - frozen_minor - in_transit_minor"
                    + " - in_use_minor >= ?")) {
                nodes.setLong(1, amountMinor);
                nodes.setTimestamp(2, now);
                for (int i = 0; i < 4; i++) {
                    nodes.setLong(3 + i, path[i]);
                }
                nodes.setLong(7, amountMinor);
                if (nodes.executeUpdate() != 4) {
                    connection.rollback();
                    return "LIMIT_INSUFFICIENT";
                }
            }
            String holdId = "loan:" + loanId;
            try (PreparedStatement hold = connection.prepareStatement("INSERT INTO " + SCHEMA + ".credit_hold"
                    + " (hold_id, line_id, leaf_node_id, currency, frozen_minor, in_transit_minor, in_use_minor,"
                    + " created_at) VALUES (?, ?, ?, 'CNY', 0, 0, ?, ?)")) {
                hold.setString(1, holdId);
                hold.setString(2, customer.lineId());
                hold.setLong(3, customer.productNodeId());
                hold.setLong(4, amountMinor);
                hold.setTimestamp(5, now);
                hold.executeUpdate();
            }
            long flowSeq;
            try (PreparedStatement flow = connection.prepareStatement("INSERT INTO " + SCHEMA + ".credit_flow"
                    + " (request_id, body_hash, flow_type, hold_id, line_id, to_customer_id, currency, cash_minor,"
                    + " credit_minor, occurred_at) VALUES (?, ?, 'USE', ?, ?, ?, 'CNY', 0, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                flow.setString(1, holdId);
                flow.setString(2, sha256(holdId));
                flow.setString(3, holdId);
                flow.setString(4, customer.lineId());
                flow.setString(5, customer.customerId());
                flow.setLong(6, amountMinor);
                flow.setTimestamp(7, now);
                flow.executeUpdate();
                try (ResultSet key = flow.getGeneratedKeys()) {
                    key.next();
                    flowSeq = key.getLong(1);
                }
            }
            try (PreparedStatement entries = connection.prepareStatement("INSERT INTO " + SCHEMA + ".credit_flow_entry"
                    + " (flow_seq, node_id, fixed_minor, temporary_minor, retired_minor, frozen_minor, in_transit_minor,"
                    + " in_use_minor) VALUES (?, ?, 0, 0, 0, 0, 0, ?), (?, ?, 0, 0, 0, 0, 0, ?),"
                    + " (?, ?, 0, 0, 0, 0, 0, ?), (?, ?, 0, 0, 0, 0, 0, ?)")) {
                for (int i = 0; i < 4; i++) {
                    entries.setLong(3 * i + 1, flowSeq);
                    entries.setLong(3 * i + 2, path[i]);
                    entries.setLong(3 * i + 3, amountMinor);
                }
                entries.executeUpdate();
            }
            if (!ledger(connection, customer, loanId, amountMinor, now)) {
                connection.rollback();
                return "FUNDING_INSUFFICIENT";
            }
            connection.commit();
            return null;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Funding CREDIT (asset -), loan receivable DEBIT (asset +), both chained; false if funding is short. */
    private boolean ledger(Connection connection, Customer customer, String loanId, long amountMinor, Timestamp now)
            throws SQLException {
        long low = Math.min(fundingAccountId, customer.loanAccountId());
        long high = Math.max(fundingAccountId, customer.loanAccountId());
        long[][] state = new long[2][];
        String[] lastHash = new String[2];
        try (PreparedStatement lock = connection.prepareStatement("SELECT id, available_minor, frozen_minor, version,"
                + " last_hash FROM " + SCHEMA + ".account WHERE id IN (?, ?) ORDER BY id FOR UPDATE")) {
            lock.setLong(1, low);
            lock.setLong(2, high);
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    int at = rows.getLong(1) == fundingAccountId ? 0 : 1;
                    state[at] = new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4)};
                    lastHash[at] = rows.getString(5);
                }
            }
        }
        String voucher = "LOAN-" + loanId;
        String[] hash = new String[2];
        long[] delta = {-amountMinor, amountMinor};
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + SCHEMA + ".account"
                + " SET available_minor = available_minor + ?, version = version + 1, last_hash = ?"
                + " WHERE id = ? AND available_minor + ? >= 0")) {
            for (int at = 0; at < 2; at++) {
                long accountId = at == 0 ? fundingAccountId : customer.loanAccountId();
                hash[at] = sha256(lastHash[at] + "|" + accountId + "|" + (state[at][2] + 1) + "|" + voucher + "|"
                        + delta[at]);
                update.setLong(1, delta[at]);
                update.setString(2, hash[at]);
                update.setLong(3, accountId);
                update.setLong(4, delta[at]);
                if (update.executeUpdate() != 1) {
                    return false;
                }
            }
        }
        try (PreparedStatement journal = connection.prepareStatement("INSERT INTO " + SCHEMA + ".journal_entry"
                + " (account_id, version, voucher_no, leg_no, reversal, posting_type, side, amount_minor, currency,"
                + " balance_before_minor, balance_after_minor, accounting_date, trace_id, request_digest,"
                + " previous_hash, hash, chain_format, movement, available_after_minor, frozen_after_minor,"
                + " in_transit_after_minor) VALUES"
                + " (?, ?, ?, ?, 0, 'LOAN_DISBURSEMENT', ?, ?, 'CNY', ?, ?, UTC_DATE(), '', ?, ?, ?, 2, 'POSTING', ?, ?, 0),"
                + " (?, ?, ?, ?, 0, 'LOAN_DISBURSEMENT', ?, ?, 'CNY', ?, ?, UTC_DATE(), '', ?, ?, ?, 2, 'POSTING', ?, ?, 0)")) {
            String digest = sha256(voucher + amountMinor);
            for (int at = 0; at < 2; at++) {
                int o = at * 13;
                long before = state[at][0] + state[at][1];
                journal.setLong(o + 1, at == 0 ? fundingAccountId : customer.loanAccountId());
                journal.setLong(o + 2, state[at][2] + 1);
                journal.setString(o + 3, voucher);
                journal.setInt(o + 4, at + 1);
                journal.setString(o + 5, at == 0 ? "CREDIT" : "DEBIT");
                journal.setLong(o + 6, amountMinor);
                journal.setLong(o + 7, before);
                journal.setLong(o + 8, before + delta[at]);
                journal.setString(o + 9, digest);
                journal.setString(o + 10, lastHash[at]);
                journal.setString(o + 11, hash[at]);
                journal.setLong(o + 12, state[at][0] + delta[at]);
                journal.setLong(o + 13, state[at][1]);
            }
            journal.executeUpdate();
        }
        try (PreparedStatement transfer = connection.prepareStatement("INSERT INTO " + SCHEMA + ".tcc_transfer"
                + " (transfer_id, direction, account_id, contra_account_id, amount_minor, currency, phase, xid,"
                + " reservation) VALUES (?, 'OUT', ?, ?, ?, 'CNY', 'CONFIRMED', 'local', 'BOTH_LEGS')")) {
            transfer.setString(1, voucher);
            transfer.setLong(2, fundingAccountId);
            transfer.setLong(3, customer.loanAccountId());
            transfer.setLong(4, amountMinor);
            transfer.executeUpdate();
        }
        return true;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
