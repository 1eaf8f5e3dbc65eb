package io.creditsuite.reconcile.full;

import static io.creditsuite.reconcile.full.FullCheckFixture.LOAN_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.reconcile.FullCheckService;
import io.creditsuite.reconcile.application.full.ChainVerifications;
import io.creditsuite.reconcile.application.full.FullCheck;
import io.creditsuite.reconcile.application.full.FullCheckRuns;
import io.creditsuite.reconcile.application.full.FullCheckScope;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * BCP's full check on credit-service's and account-service's real schemas in a real MariaDB: an agreeing book
 * passes; one changed row (a node's balance, a hold, a journal amount, an end-of-day balance) opens exactly one
 * discrepancy naming what it is about, and the next check after the row is put right (or a corrective booking is
 * made) resolves it AUTO; a run whose process died resumes from its last chunk; a flood opens one META-CAP.
 * Chunks of 2 ids, so every pass takes several.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class FullCheckIT {
    private static FullCheckFixture book;
    /** The ledger's walk (account-service does not run here; LedgerIncrementalChainIT tests the walk itself). */
    private static final Map<Long, Long> BROKEN_ENTRY_OF_ACCOUNT = new ConcurrentHashMap<>();
    private static final List<String> WALKS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class LedgerWalk {
        @Bean
        @Primary
        ChainVerifications switchableWalk() {
            return (account, version, hash) -> {
                WALKS.add(account + "@" + version);
                Long broken = BROKEN_ENTRY_OF_ACCOUNT.get(account);
                return new ChainVerifications.Verdict(broken == null, 1, broken,
                        broken == null ? null : "entry " + broken + ": hash does not match the entry's fields");
            };
        }
    }

    @DynamicPropertySource
    static void middleware(DynamicPropertyRegistry registry) {
        book = FullCheckFixture.registered(registry);
        registry.add("credit-suite.bcp.full-check.chunk-ids", () -> "2");
        registry.add("credit-suite.bcp.full-check.chunk-customers", () -> "2");
        registry.add("credit-suite.bcp.flood-cap", () -> "2");
    }

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private FullCheck fullCheck;
    @Autowired
    private FullCheckRuns runs;
    @Autowired
    private FullCheckService service;
    @Autowired
    private io.creditsuite.reconcile.infrastructure.bcp.BcpMetrics metrics;
    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    @BeforeEach
    void agreeingBook() {
        book.reset();
        FullCheckFixture.clearChecks(jdbc);
        BROKEN_ENTRY_OF_ACCOUNT.clear();
        WALKS.clear();
    }

    @Test
    void a_check_that_cannot_run_is_failed_and_the_metrics_say_when_a_check_last_ran_and_last_failed() {
        FullCheckRuns.Run passed = fullCheck.run(FullCheckScope.all());
        metrics.refresh();
        assertThat(meters.get("bcp.full.check.last.success.timestamp").gauge().value())
                .isEqualTo(passed.finishedAt().getEpochSecond());

        book.credit.update("RENAME TABLE credit_flow_entry TO credit_flow_entry_away");
        try {
            FullCheckRuns.Run failed = fullCheck.run(FullCheckScope.all());
            assertThat(failed.state()).isEqualTo("FAILED");
            assertThat(failed.error()).contains("credit_flow_entry");
            metrics.refresh();
            assertThat(meters.get("bcp.full.check.last.failure.timestamp").gauge().value())
                    .isEqualTo(failed.finishedAt().getEpochSecond());
            assertThat(meters.get("bcp.full.check.last.success.timestamp").gauge().value())
                    .isEqualTo(passed.finishedAt().getEpochSecond());
        } finally {
            book.credit.update("RENAME TABLE credit_flow_entry_away TO credit_flow_entry");
        }
    }

    @Test
    void an_agreeing_book_passes_every_pass_in_chunks() {
        FullCheckRuns.Run run = fullCheck.run(FullCheckScope.all());
        assertThat(run.state()).as(run.error()).isEqualTo("PASSED");
        assertThat(run.findings()).isZero();
        // 8 journal rows (7 postings) + 1 pending, 2 accounts' day of 4 with flows... every source row is counted once
        assertThat(run.rowsRead()).isEqualTo(7 + 1 + 8 + 3 + 8 + 3);
        assertThat(run.subjects()).isEqualTo(1 + 4 + 3 + 2 + 3);
        assertThat(open()).isEmpty();
    }

    @Test
    void chains_are_walked_from_their_last_verified_entry_and_a_broken_one_is_named_until_repaired() {
        fullCheck.run(FullCheckScope.all());
        // accounts 1, 2 and 3 have entries (4 has only a pending detail): walked whole, then checkpointed
        assertThat(WALKS).containsExactlyInAnyOrder("1@0", "2@0", "3@0");
        WALKS.clear();
        fullCheck.run(FullCheckScope.all());
        assertThat(WALKS).isEmpty();

        book.entry(9, FullCheckFixture.LOAN_ACCOUNT, 3, "V-X", 1, "DEBIT", 5, 700, 705, "POSTING");
        book.entry(10, FullCheckFixture.EQUITY, 3, "V-X", 2, "CREDIT", 5, 4980, 4985, "POSTING");
        book.account.update("UPDATE account SET version = 3 WHERE id IN (2, 3)");
        BROKEN_ENTRY_OF_ACCOUNT.put(2L, 9L);
        fullCheck.run(FullCheckScope.all());
        assertThat(WALKS).containsExactlyInAnyOrder("2@2", "3@2");
        assertThat(open()).contains("F-CHAIN-INTACT account:2 STATE");
        assertThat(detail("F-CHAIN-INTACT")).contains("entry 9: hash does not match").contains("account 2, entry 9");

        BROKEN_ENTRY_OF_ACCOUNT.clear();
        WALKS.clear();
        fullCheck.run(FullCheckScope.all());
        assertThat(WALKS).containsExactly("2@2");
        assertThat(resolution("F-CHAIN-INTACT")).isEqualTo("AUTO");
    }

    @Test
    void a_changed_node_balance_is_one_discrepancy_naming_the_node_and_resolves_when_put_right() {
        book.credit.update("UPDATE limit_node SET in_use_minor = in_use_minor + 1 WHERE node_id = 2");
        assertThat(fullCheck.run(FullCheckScope.all()).state()).isEqualTo("FOUND");
        assertThat(open()).containsExactly("F-NODE-REPLAY node:2 STATE");
        assertThat(detail("F-NODE-REPLAY")).contains("in_use: drift 1").contains("line L-A, node 2");

        book.credit.update("UPDATE limit_node SET in_use_minor = in_use_minor - 1 WHERE node_id = 2");
        assertThat(fullCheck.run(FullCheckScope.all()).state()).isEqualTo("PASSED");
        assertThat(open()).isEmpty();
        assertThat(resolution("F-NODE-REPLAY")).isEqualTo("AUTO");
    }

    @Test
    void a_changed_hold_is_one_discrepancy_naming_the_customer_loan_and_account() {
        book.credit.update("UPDATE credit_hold SET in_use_minor = 650 WHERE hold_id = 'loan:LN-1'");
        assertThat(fullCheck.run(FullCheckScope.customer("CU-A")).state()).isEqualTo("FOUND");
        assertThat(open()).containsExactly("F-CUSTOMER-USED-LEDGER CU-A STATE");
        assertThat(businessIds("F-CUSTOMER-USED-LEDGER")).isEqualTo("customer CU-A, loan account " + LOAN_ACCOUNT
                + ", loans LN-1");

        book.credit.update("UPDATE credit_hold SET frozen_minor = 250 WHERE hold_id = 'H-2'");
        fullCheck.run(FullCheckScope.all());
        assertThat(open()).containsExactly("F-CUSTOMER-FROZEN CU-A STATE", "F-CUSTOMER-USED-LEDGER CU-A STATE");
    }

    @Test
    void a_changed_journal_amount_is_found_and_a_corrective_booking_makes_the_next_check_pass() {
        book.account.update("UPDATE journal_entry SET amount_minor = 1001 WHERE id = 3");
        assertThat(fullCheck.run(FullCheckScope.date(LocalDate.parse("2026-12-01"))).state())
                .isEqualTo("FOUND");
        assertThat(open()).containsExactly("F-LEDGER-TOTALS CNY:2026-12-01 2026-12-01");
        assertThat(detail("F-LEDGER-TOTALS")).contains("drift 1");

        // the corrective booking: one more credit leg of 1 on the day
        book.entry(9, FullCheckFixture.EQUITY, 3, "V-FIX", 1, "CREDIT", 1, 4980, 4981, "POSTING");
        book.account.update("UPDATE end_of_day_balance SET balance_minor = 4981 WHERE account_id = 3");
        assertThat(fullCheck.run(FullCheckScope.all()).state()).isEqualTo("PASSED");
        assertThat(resolution("F-LEDGER-TOTALS")).isEqualTo("AUTO");
    }

    @Test
    void a_changed_end_of_day_balance_is_one_discrepancy_naming_the_account() {
        book.account.update("UPDATE end_of_day_balance SET balance_minor = 701 WHERE account_id = 2");
        fullCheck.run(FullCheckScope.all());
        assertThat(open()).containsExactly("F-EOD-BALANCE account:2 2026-12-01");
    }

    @Test
    void a_run_whose_process_died_resumes_from_its_last_chunk() {
        // the process died after the first chunk of the node pass: its cursor says so, its heartbeat stopped
        long runId = runs.start(FullCheckScope.all(), "LIMIT_NODES", Instant.parse("2026-01-01T00:00:00Z"));
        jdbc.update("UPDATE bcp_full_check_run SET cursor_text = '1/2' WHERE run_id = ?", runId);
        FullCheckRuns.Run resumed = fullCheck.resumeStale(Duration.ofMinutes(5)).orElseThrow();
        assertThat(resumed.runId()).isEqualTo(runId);
        assertThat(resumed.state()).isEqualTo("PASSED");
        // node 2's 4 entries and the 3 customers: not the ledger passes nor node 1 again
        assertThat(resumed.rowsRead()).isEqualTo(4 + 3);
        assertThat(WALKS).isEmpty();
    }

    @Test
    void a_flood_opens_up_to_the_cap_and_one_meta_discrepancy() {
        book.account.update("UPDATE end_of_day_balance SET balance_minor = balance_minor + 1");
        FullCheckRuns.Run run = fullCheck.run(FullCheckScope.all());
        assertThat(run.findings()).isEqualTo(4);
        assertThat(open()).filteredOn(d -> d.startsWith("F-EOD-BALANCE")).hasSize(2);
        assertThat(open()).filteredOn(d -> d.startsWith("META-CAP pass END_OF_DAY")).hasSize(1);
    }

    @Test
    void bad_requests_are_refused_with_their_code_and_start_nothing() {
        for (String scope : new String[] {null, "", "DATE:2026-13-01", "CUSTOMER:a b", "CUSTOMER:", "EVERYTHING"}) {
            assertThatThrownBy(() -> service.start(scope, "sre-li")).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        }
        assertThatThrownBy(() -> service.start("ALL", " ")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> service.run(987654321L)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FULL_CHECK_UNKNOWN));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bcp_full_check_run", Long.class)).isZero();
    }

    private List<String> open() {
        return jdbc.queryForList("SELECT CONCAT(rule_id, ' ', fingerprint, ' ', period) FROM bcp_discrepancy"
                + " WHERE state <> 'RESOLVED' AND (rule_id LIKE 'F-%' OR rule_id = 'META-CAP') ORDER BY 1", String.class);
    }

    private String detail(String ruleId) {
        return jdbc.queryForObject("SELECT CONCAT(detail, ' / ', business_ids) FROM bcp_discrepancy WHERE rule_id = ?",
                String.class, ruleId);
    }

    private String businessIds(String ruleId) {
        return jdbc.queryForObject("SELECT business_ids FROM bcp_discrepancy WHERE rule_id = ?", String.class, ruleId);
    }

    private String resolution(String ruleId) {
        Map<String, Object> row = jdbc.queryForMap("SELECT state, resolution FROM bcp_discrepancy WHERE rule_id = ?",
                ruleId);
        assertThat(row.get("state")).isEqualTo("RESOLVED");
        return (String) row.get("resolution");
    }
}
