package io.creditsuite.reconcile.full;

import io.creditsuite.middleware.Middleware;
import java.nio.file.Path;
import java.util.EnumSet;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * credit-service's and account-service's real schemas (their own Flyway migrations, from the sources) in two test
 * databases, with a small book that agrees everywhere: customer CU-A has loan LN-1 of 1,000.00 with 300.00 repaid
 * (credit: hold {@code loan:LN-1} in use 700; ledger: loan account 2 at 700), a partner hold H-2 freezing 300, and
 * every journal row of 2026-12-01, a closed day.
 */
final class FullCheckFixture {
    static final String CREDIT_DB = "cs_fcit_credit";
    static final String ACCOUNT_DB = "cs_fcit_account";
    static final long FUNDING = 1;
    static final long LOAN_ACCOUNT = 2;
    static final long EQUITY = 3;
    static final long HOT = 4;
    static final long NODE_LINE = 1;
    static final long NODE_PRODUCT = 2;

    final JdbcTemplate credit;
    final JdbcTemplate account;

    private FullCheckFixture(JdbcTemplate credit, JdbcTemplate account) {
        this.credit = credit;
        this.account = account;
    }

    /** Both schemas migrated from scratch. */
    static FullCheckFixture migrated() {
        return new FullCheckFixture(migrate(CREDIT_DB, "credit-service/src/main/resources/db/credit"),
                migrate(ACCOUNT_DB, "account-service/src/main/resources/db/account"));
    }

    /**
     * reconcile-service's middleware and its full check's two sources as Spring properties, both schemas migrated from
     * scratch: the book, to {@link #reset()} before each test.
     */
    static FullCheckFixture registered(DynamicPropertyRegistry registry) {
        Middleware.shared().springProperties("cs_reconcile", EnumSet.of(Middleware.Component.DATABASE,
                        Middleware.Component.ZOOKEEPER, Middleware.Component.ROCKETMQ))
                .forEach((key, value) -> registry.add(key, () -> value));
        FullCheckFixture book = migrated();
        registry.add("credit-suite.bcp.full-check.credit-url", () -> url(CREDIT_DB));
        registry.add("credit-suite.bcp.full-check.account-url", () -> url(ACCOUNT_DB));
        return book;
    }

    /** reconcile-service's full check state emptied: its runs, checkpoints and the discrepancies it opened. */
    static void clearChecks(JdbcTemplate reconcile) {
        reconcile.update("DELETE t FROM bcp_discrepancy_transition t JOIN bcp_discrepancy d ON d.id = t.discrepancy_id"
                + " WHERE d.rule_id LIKE 'F-%' OR d.rule_id = 'META-CAP'");
        reconcile.update("DELETE FROM bcp_discrepancy WHERE rule_id LIKE 'F-%' OR rule_id = 'META-CAP'");
        reconcile.update("DELETE FROM bcp_full_check_run");
        reconcile.update("DELETE FROM bcp_chain_checkpoint");
    }

    static String url(String database) {
        return Middleware.shared().jdbcUrl(database);
    }

    /** {@code database} emptied and migrated with the Flyway scripts of {@code migrations} (from the repository root). */
    static JdbcTemplate migrate(String database, String migrations) {
        Middleware m = Middleware.shared();
        DriverManagerDataSource source = new DriverManagerDataSource(m.jdbcUrl(database), m.dbUser(), m.dbPassword());
        Flyway flyway = Flyway.configure().dataSource(source).cleanDisabled(false)
                .locations("filesystem:" + Path.of("..").toAbsolutePath().normalize().resolve(migrations)).load();
        flyway.clean();
        flyway.migrate();
        return new JdbcTemplate(source);
    }

    /** Empties both books and writes the agreeing one. */
    void reset() {
        for (String table : new String[] {"lending_repayment", "lending_loan", "lending_customer", "credit_flow_entry",
                "credit_flow", "credit_hold", "limit_edge", "limit_node", "credit_line", "credit_customer"}) {
            credit.update("DELETE FROM " + table);
        }
        for (String table : new String[] {"end_of_day_balance", "day_end_cutover", "pending_credit", "journal_entry",
                "account"}) {
            account.update("DELETE FROM " + table);
        }
        creditBook();
        ledgerBook();
    }

    private void creditBook() {
        credit.update("INSERT INTO credit_customer (customer_id, name, source, request_id, created_at) VALUES"
                + " ('BANK', 'Bank', 'BANK', 'r-bank', NOW(3)), ('CU-A', 'A', 'PLATFORM', 'r-a', NOW(3)),"
                + " ('CU-B', 'B', 'PLATFORM', 'r-b', NOW(3))");
        credit.update("INSERT INTO credit_line (line_id, grantor_id, holder_id, limit_type, currency, subject_id,"
                + " term_start, term_end, revolving, rate, status, grant_request_id, created_at) VALUES ('L-A', 'BANK',"
                + " 'CU-A', 'COMPREHENSIVE', 'CNY', 'S1', NOW(3), NOW(3) + INTERVAL 1 YEAR, 1, 0.05, 'ACTIVE', 'g-a', NOW(3))");
        credit.update("INSERT INTO limit_node (node_id, line_id, level, revolving, currency, fixed_minor, frozen_minor,"
                + " in_use_minor) VALUES (1, 'L-A', 'LIMIT_TYPE', 1, 'CNY', 10000, 300, 700),"
                + " (2, 'L-A', 'PRODUCT', 1, 'CNY', 10000, 300, 700)");
        credit.update("INSERT INTO limit_edge (child_node_id, parent_node_id, kind) VALUES (2, 1, 'USAGE')");
        credit.update("INSERT INTO credit_hold (hold_id, line_id, leaf_node_id, currency, frozen_minor, in_transit_minor,"
                + " in_use_minor, created_at) VALUES ('loan:LN-1', 'L-A', 2, 'CNY', 0, 0, 700, NOW(3)),"
                + " ('H-2', 'L-A', 2, 'CNY', 300, 0, 0, NOW(3))");
        flow(1, "fixed_minor", 10000);
        flow(2, "frozen_minor", 300);
        flow(3, "in_use_minor", 1000);
        flow(4, "in_use_minor", -300);
        credit.update("INSERT INTO lending_customer (customer_id, partner_id, partner_customer_ref, name, body_hash,"
                + " loan_account_id, onboarded_at) VALUES ('CU-A', 'P1', 'ref-a', 'A', REPEAT('0', 64), ?, NOW(3))",
                LOAN_ACCOUNT);
        credit.update("INSERT INTO lending_loan (loan_id, partner_id, request_id, body_hash, customer_id, line_id,"
                + " product_node_id, amount_minor, currency, payee_account, status, repaid_principal_minor, created_at)"
                + " VALUES ('LN-1', 'P1', 'rq-1', REPEAT('0', 64), 'CU-A', 'L-A', 2, 1000, 'CNY', 'payee', 'ACTIVE', 300,"
                + " NOW(3))");
    }

    /** One flow moving {@code column} by {@code delta} on both nodes of the line. */
    private void flow(long seq, String column, long delta) {
        credit.update("INSERT INTO credit_flow (flow_seq, request_id, body_hash, flow_type, line_id, currency, cash_minor,"
                + " credit_minor, occurred_at) VALUES (?, ?, REPEAT('0', 64), 'T', 'L-A', 'CNY', 0, ?, NOW(6))", seq,
                "f-" + seq, Math.abs(delta));
        for (long node : new long[] {NODE_LINE, NODE_PRODUCT}) {
            credit.update("INSERT INTO credit_flow_entry (flow_seq, node_id, fixed_minor, temporary_minor, retired_minor,"
                    + " frozen_minor, in_transit_minor, in_use_minor) VALUES (?, ?, 0, 0, 0, 0, 0, 0)", seq, node);
            credit.update("UPDATE credit_flow_entry SET " + column + " = ? WHERE flow_seq = ? AND node_id = ?", delta,
                    seq, node);
        }
    }

    private void ledgerBook() {
        account.update("INSERT INTO account (id, owner_id, kind, currency, status, overdraft_minor, hot_mode,"
                + " available_minor, frozen_minor, last_hash) VALUES"
                + " (1, 'P1', 'ASSET', 'CNY', 'ACTIVE', 0, 'NONE', 4250, 50, REPEAT('0', 64)),"
                + " (2, 'CU-A', 'ASSET', 'CNY', 'ACTIVE', 0, 'NONE', 700, 0, REPEAT('0', 64)),"
                + " (3, 'P1', 'LIABILITY', 'CNY', 'ACTIVE', 0, 'NONE', 4980, 0, REPEAT('0', 64)),"
                + " (4, 'P1', 'LIABILITY', 'CNY', 'ACTIVE', 0, 'NONE', 0, 0, REPEAT('0', 64))");
        // capital 5,000 in; loan LN-1 paid out 1,000; 300 repaid; 50 frozen on the funding account (no contra leg);
        // 20 from the equity account to the hot account, whose credit leg is still a pending detail
        entry(1, FUNDING, 1, "V-CAP", 1, "DEBIT", 5000, 0, 5000, "POSTING");
        entry(2, EQUITY, 1, "V-CAP", 2, "CREDIT", 5000, 0, 5000, "POSTING");
        entry(3, LOAN_ACCOUNT, 1, "LOAN-LN-1-OUT", 1, "DEBIT", 1000, 0, 1000, "POSTING");
        entry(4, FUNDING, 2, "LOAN-LN-1-OUT", 2, "CREDIT", 1000, 5000, 4000, "POSTING");
        entry(5, FUNDING, 3, "LOAN-LN-1-R-1", 1, "DEBIT", 300, 4000, 4300, "POSTING");
        entry(6, LOAN_ACCOUNT, 2, "LOAN-LN-1-R-1", 2, "CREDIT", 300, 1000, 700, "POSTING");
        entry(7, FUNDING, 4, "HOLD-1", 1, "CREDIT", 50, 4300, 4300, "FREEZE");
        entry(8, EQUITY, 2, "V-HOT", 1, "DEBIT", 20, 5000, 4980, "POSTING");
        account.update("INSERT INTO pending_credit (account_id, voucher_no, leg_no, reversal, posting_type, side,"
                + " amount_minor, currency, accounting_date, trace_id, request_digest, hash) VALUES (4, 'V-HOT', 2, 0,"
                + " 'T', 'CREDIT', 20, 'CNY', '2026-12-01', 't', REPEAT('0', 64), REPEAT('0', 64))");
        account.update("UPDATE account SET version = CASE id WHEN 1 THEN 4 WHEN 4 THEN 0 ELSE 2 END");
        account.update("INSERT INTO day_end_cutover (closed_date, previous_date, stage, last_account_id, completed_at)"
                + " VALUES ('2026-12-01', NULL, 'DONE', 4, NOW(3))");
        account.update("INSERT INTO end_of_day_balance (account_id, accounting_date, currency, balance_minor, flow_minor,"
                + " entries) VALUES (1, '2026-12-01', 'CNY', 4300, 4300, 4), (2, '2026-12-01', 'CNY', 700, 700, 2),"
                + " (3, '2026-12-01', 'CNY', 4980, 4980, 2), (4, '2026-12-01', 'CNY', 0, 0, 0)");
    }

    void entry(long id, long accountId, long version, String voucher, int leg, String side, long amount, long before,
               long after, String movement) {
        account.update("INSERT INTO journal_entry (id, account_id, version, voucher_no, leg_no, reversal, posting_type,"
                        + " side, amount_minor, currency, balance_before_minor, balance_after_minor, accounting_date,"
                        + " trace_id, request_digest, previous_hash, hash, movement) VALUES (?, ?, ?, ?, ?, 0, 'T', ?, ?,"
                        + " 'CNY', ?, ?, '2026-12-01', 't', REPEAT('0', 64), REPEAT('0', 64), REPEAT('0', 64), ?)",
                id, accountId, version, voucher, leg, side, amount, before, after, movement);
    }
}
