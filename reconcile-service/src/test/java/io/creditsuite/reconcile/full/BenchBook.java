package io.creditsuite.reconcile.full;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's agreeing book, built in SQL where the rows are (INSERT ... SELECT over a digits table, which MySQL 8
 * runs too): journal rows in balanced pairs over {@code accounts} accounts and ten accounting dates, the last one
 * closed with its end-of-day balances; {@code flows} limit flows of one entry on each of a line's two nodes, the nodes'
 * stored balances their sums; 1,000 customers holding the lines.
 */
final class BenchBook {
    static final String CREDIT = "cs_bench_credit";
    static final String ACCOUNT = "cs_bench_account";

    final JdbcTemplate credit;
    final JdbcTemplate account;

    private BenchBook(JdbcTemplate credit, JdbcTemplate account) {
        this.credit = credit;
        this.account = account;
    }

    static BenchBook built(long journalRows, long flows, long accounts, long lines) {
        BenchBook book = new BenchBook(FullCheckFixture.migrate(CREDIT, "credit-service/src/main/resources/db/credit"),
                FullCheckFixture.migrate(ACCOUNT, "account-service/src/main/resources/db/account"));
        long start = System.nanoTime();
        book.ledger(journalRows, accounts);
        book.limits(flows, lines);
        System.out.printf("book built: %d journal rows, %d flows in %.0f s%n", journalRows, flows,
                (System.nanoTime() - start) / 1e9);
        return book;
    }

    private static void digits(JdbcTemplate jdbc) {
        jdbc.update("CREATE TABLE bench_digit (d INT NOT NULL PRIMARY KEY)");
        jdbc.update("INSERT INTO bench_digit VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
        jdbc.update("CREATE TABLE bench_seq (n BIGINT NOT NULL PRIMARY KEY)");
        jdbc.update("INSERT INTO bench_seq SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 100000 * g.d"
                + " FROM bench_digit a, bench_digit b, bench_digit c, bench_digit e, bench_digit f, bench_digit g");
    }

    /** Numbers 0 .. count-1 as {@code n}, from the million-row sequence crossed with a block number. */
    private static String numbers(long count) {
        if (count <= 1_000_000) {
            return "(SELECT n FROM bench_seq WHERE n < " + count + ") x";
        }
        long blocks = (count + 999_999) / 1_000_000;
        return "(SELECT s.n + 1000000 * k.d AS n FROM bench_seq s, (SELECT a.d + 10 * b.d AS d FROM bench_digit a,"
                + " bench_digit b WHERE a.d + 10 * b.d < " + blocks + ") k WHERE s.n + 1000000 * k.d < " + count + ") x";
    }

    private void ledger(long rows, long accounts) {
        digits(account);
        account.update("INSERT INTO account (id, owner_id, kind, currency, status, hot_mode, last_hash)"
                + " SELECT n + 1, 'bench', 'ASSET', 'CNY', 'ACTIVE', 'NONE', REPEAT('0', 64) FROM " + numbers(accounts));
        long perDay = rows / 10;
        // row n: voucher n DIV 2, leg n MOD 2 (debit, then credit of the same amount on the next account)
        account.update("INSERT INTO journal_entry (id, account_id, version, voucher_no, leg_no, reversal, posting_type,"
                + " side, amount_minor, currency, balance_before_minor, balance_after_minor, accounting_date, trace_id,"
                + " request_digest, previous_hash, hash, movement)"
                + " SELECT n + 1, MOD(n, " + accounts + ") + 1, FLOOR(n / " + accounts + ") + 1, CONCAT('V', FLOOR(n / 2)),"
                + " MOD(n, 2) + 1, 0, 'T', IF(MOD(n, 2) = 0, 'DEBIT', 'CREDIT'), MOD(FLOOR(n / 2), 1000) + 1, 'CNY', 0,"
                + " IF(MOD(n, 2) = 0, 1, -1) * (MOD(FLOOR(n / 2), 1000) + 1),"
                + " DATE_ADD('2026-11-21', INTERVAL FLOOR(n / " + perDay + ") DAY), 't', '-', '-', '-', 'POSTING'"
                + " FROM " + numbers(rows));
        account.update("INSERT INTO day_end_cutover (closed_date, previous_date, stage, last_account_id, completed_at)"
                + " VALUES ('2026-11-30', NULL, 'DONE', " + accounts + ", NOW(3))");
        account.update("INSERT INTO end_of_day_balance (account_id, accounting_date, currency, balance_minor, flow_minor,"
                + " entries) SELECT a.id, '2026-11-30', 'CNY', COALESCE(SUM(j.balance_after_minor"
                + " - j.balance_before_minor), 0), COALESCE(SUM(j.balance_after_minor - j.balance_before_minor), 0),"
                + " COUNT(j.id) FROM account a LEFT JOIN journal_entry j ON j.account_id = a.id"
                + " AND j.accounting_date = '2026-11-30' GROUP BY a.id");
    }

    private void limits(long flows, long lines) {
        digits(credit);
        credit.update("INSERT INTO credit_customer (customer_id, name, source, request_id, created_at) SELECT"
                + " CONCAT('C', LPAD(n, 4, '0')), 'bench', 'PLATFORM', CONCAT('r', n), NOW(3) FROM " + numbers(1000));
        credit.update("INSERT INTO credit_line (line_id, grantor_id, holder_id, limit_type, currency, subject_id,"
                + " term_start, term_end, revolving, rate, status, grant_request_id, created_at) SELECT CONCAT('L', n),"
                + " 'C0000', CONCAT('C', LPAD(MOD(n, 1000), 4, '0')), 'T', 'CNY', 'S', NOW(3), NOW(3), 1, 0, 'ACTIVE',"
                + " CONCAT('g', n), NOW(3) FROM " + numbers(lines));
        credit.update("INSERT INTO limit_node (node_id, line_id, level, revolving, currency) SELECT n + 1,"
                + " CONCAT('L', FLOOR(n / 2)), IF(MOD(n, 2) = 0, 'LIMIT_TYPE', 'PRODUCT'), 1, 'CNY' FROM "
                + numbers(2 * lines));
        credit.update("INSERT INTO limit_edge (child_node_id, parent_node_id, kind) SELECT 2 * n + 2, 2 * n + 1, 'USAGE'"
                + " FROM " + numbers(lines));
        credit.update("INSERT INTO credit_flow (flow_seq, request_id, body_hash, flow_type, line_id, currency,"
                + " cash_minor, credit_minor, occurred_at) SELECT n + 1, CONCAT('f', n), '-', 'USE',"
                + " CONCAT('L', MOD(n, " + lines + ")), 'CNY', 0, 1, NOW(6) FROM " + numbers(flows));
        for (int node = 1; node <= 2; node++) {
            credit.update("INSERT INTO credit_flow_entry (flow_seq, node_id, fixed_minor, temporary_minor, retired_minor,"
                    + " frozen_minor, in_transit_minor, in_use_minor) SELECT n + 1, 2 * MOD(n, " + lines + ") + " + node
                    + ", 0, 0, 0, 0, 0, 1 FROM " + numbers(flows));
        }
        credit.update("UPDATE limit_node n JOIN (SELECT node_id, SUM(in_use_minor) AS used FROM credit_flow_entry"
                + " GROUP BY node_id) s ON s.node_id = n.node_id SET n.in_use_minor = s.used");
    }
}
