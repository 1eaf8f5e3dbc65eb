package io.creditsuite.reconcile.full;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.middleware.Middleware;
import io.creditsuite.reconcile.application.full.CustomersPass;
import io.creditsuite.reconcile.application.full.EndOfDayPass;
import io.creditsuite.reconcile.application.full.FullCheck;
import io.creditsuite.reconcile.application.full.FullCheckChunks;
import io.creditsuite.reconcile.application.full.FullCheckFindings;
import io.creditsuite.reconcile.application.full.FullCheckRuns;
import io.creditsuite.reconcile.application.full.FullCheckScope;
import io.creditsuite.reconcile.application.full.LedgerTotalsPass;
import io.creditsuite.reconcile.application.full.LimitNodesPass;
import io.creditsuite.reconcile.application.realtime.DiscrepancyBook;
import io.creditsuite.reconcile.infrastructure.bcp.JdbcDiscrepancyStore;
import io.creditsuite.reconcile.infrastructure.full.FullCheckSources;
import io.creditsuite.reconcile.infrastructure.full.JdbcBalanceRules;
import io.creditsuite.reconcile.infrastructure.full.JdbcCheckedDiscrepancies;
import io.creditsuite.reconcile.infrastructure.full.JdbcFullCheckRuns;
import java.time.Clock;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * BCP's full check over 10 M journal rows and 1 M limit flows (2 M flow entries) against a raw SQL {@code SUM} scan
 * of the same two tables, in the same run, on the real MariaDB, with the JVM heap at 256 MB. The passes are the
 * product's own (ledger totals per currency and date, the latest closed day's end-of-day balances, every limit
 * node's replay, every customer), with their production chunk sizes; rows/s counts the journal rows and flow entries
 * both read. Then a second run beside an online load ({@link OnlineLoad}) gives how much a full check slows the online
 * path on the same database (production points the check at a read replica). The chain walk is not in it: account-service hashes every entry (LedgerIncrementalChainIT), and a T+1 run
 * walks only the entries since the last one. It fails when the agreeing book it builds is not found to agree.
 * Run (about 6 minutes, most of it building the book):
 * {@code flock /tmp/creditsuite-bench.lock ./mvnw -o -B -ntp -pl reconcile-service -am verify -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FullCheckBenchmark -Dfailsafe.failIfNoSpecifiedTests=false
 * -DargLine=-Xmx256m} ({@code -Dbench.journal-rows=N}, default 10,000,000).
 */
class FullCheckBenchmark {
    private static final long JOURNAL_ROWS = Long.getLong("bench.journal-rows", 10_000_000);
    private static final long FLOWS = JOURNAL_ROWS / 10;
    private static final long ACCOUNTS = 100_000;
    private static final long LINES = 50_000;

    @Test
    void the_full_check_reads_at_least_half_as_fast_as_a_raw_sum_scan() {
        BenchBook book = BenchBook.built(JOURNAL_ROWS, FLOWS, ACCOUNTS, LINES);
        long rows = JOURNAL_ROWS + 2 * FLOWS;

        long scanStart = System.nanoTime();
        book.account.queryForObject("SELECT SUM(amount_minor) FROM journal_entry", Long.class);
        book.credit.queryForObject("SELECT SUM(in_use_minor) FROM credit_flow_entry", Long.class);
        double scanSeconds = (System.nanoTime() - scanStart) / 1e9;

        Middleware m = Middleware.shared();
        JdbcTemplate reconcile = FullCheckFixture.migrate("cs_bench_reconcile",
                "reconcile-service/src/main/resources/db/reconcile");
        try (FullCheckSources sources = new FullCheckSources(m.jdbcUrl(BenchBook.CREDIT), m.jdbcUrl(BenchBook.ACCOUNT),
                m.dbUser(), m.dbPassword())) {
            JdbcBalanceRules rules = new JdbcBalanceRules(reconcile, new ObjectMapper());
            JdbcFullCheckRuns runs = new JdbcFullCheckRuns(reconcile);
            FullCheck fullCheck = new FullCheck(runs, List.of(new LedgerTotalsPass(sources.ledger(), 100_000),
                    new EndOfDayPass(sources.ledger(), 100_000), new LimitNodesPass(sources.credit(), 100_000),
                    new CustomersPass(sources.credit(), sources.ledger(), rules, 500)),
                    new FullCheckChunks(runs, new FullCheckFindings(rules, new DiscrepancyBook(new JdbcDiscrepancyStore(
                            reconcile)), new JdbcCheckedDiscrepancies(reconcile), 50)), Clock.systemUTC());
            long start = System.nanoTime();
            FullCheckRuns.Run run = fullCheck.run(FullCheckScope.all());
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(run.state()).as("an agreeing book must pass: %s", run.error()).isEqualTo("PASSED");
            double ours = rows / seconds;
            double scan = rows / scanSeconds;
            long heapMb = Runtime.getRuntime().maxMemory() >> 20;
            System.out.printf("full check: %d rows read (journal, pending, end of day, entries, customers) in %.1f s;"
                            + " %d subjects, %d findings%n", run.rowsRead(), seconds, run.subjects(), run.findings());
            System.out.printf("raw SUM scan of journal_entry and credit_flow_entry: %d rows in %.1f s%n", rows,
                    scanSeconds);

            // the online path beside it: posting-shaped transactions alone, then while a second full check runs
            try (OnlineLoad online = new OnlineLoad(m.jdbcUrl(BenchBook.ACCOUNT), m.dbUser(), m.dbPassword())) {
                online.measureAlone(500);
                double alone = online.measureAlone(3_000);
                online.start();
                long during0 = System.nanoTime();
                FullCheckRuns.Run second = fullCheck.run(FullCheckScope.all());
                double duringSeconds = (System.nanoTime() - during0) / 1e9;
                double during = online.stop() / duringSeconds;
                assertThat(second.state()).isEqualTo("PASSED");
                System.out.printf("online path (posting-shaped transactions on the ledger's database): %.0f/s alone,"
                        + " %.0f/s while a full check runs (%.1f s)%n", alone, during, duringSeconds);
                System.out.printf("BENCH bcp-full-check rows_per_s=%.0f ratio=%.2f heap_mb=%d scan_rows_per_s=%.0f"
                                + " online_tps_alone=%.0f online_tps_during=%.0f online_slowdown=%.2f%n", ours,
                        ours / scan, heapMb, scan, alone, during,
                        1 - during / alone);
            }
        }
    }


}
