package io.creditsuite.reconcile.full;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.reconcile.BalanceRuleService;
import io.creditsuite.api.reconcile.BalanceRuleView;
import io.creditsuite.api.reconcile.PublishBalanceRuleRequest;
import io.creditsuite.reconcile.application.full.ChainVerifications;
import io.creditsuite.reconcile.application.full.FullCheck;
import io.creditsuite.reconcile.application.full.FullCheckRuns;
import io.creditsuite.reconcile.application.full.FullCheckScope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
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
 * The full check's balance rules changed as data (BalanceRuleService) on the real MariaDB, against credit-service's
 * and account-service's real schemas: a published version is what the next full check evaluates (a tolerance of 1
 * hides a drift of 1, not one of 2), a disabled rule is not evaluated, every change is one audit row with the version
 * before and after, and a malformed rule writes nothing. The versions this test adds are removed after each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BalanceRulesIT {
    private static FullCheckFixture book;

    @TestConfiguration
    static class IntactChains {
        /** account-service does not run here: every chain walks intact. */
        @Bean
        @Primary
        ChainVerifications intactWalk() {
            return (account, version, hash) -> new ChainVerifications.Verdict(true, 1, null, null);
        }
    }

    @DynamicPropertySource
    static void middleware(DynamicPropertyRegistry registry) {
        book = FullCheckFixture.registered(registry);
    }

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private FullCheck fullCheck;
    @Autowired
    private BalanceRuleService rules;

    @BeforeEach
    @AfterEach
    void seededRulesAndAnAgreeingBook() {
        book.reset();
        FullCheckFixture.clearChecks(jdbc);
        jdbc.update("DELETE FROM bcp_balance_rule WHERE version > 1 OR rule_id LIKE 'F-IT-%'");
        jdbc.update("DELETE FROM bcp_rule_audit WHERE rule_id LIKE 'F-%'");
    }

    @Test
    void a_published_tolerance_is_what_the_next_full_check_evaluates_and_the_change_is_audited() {
        book.credit.update("UPDATE limit_node SET in_use_minor = in_use_minor + 1 WHERE node_id = 2");
        assertThat(fullCheck.run(FullCheckScope.all()).state()).isEqualTo("FOUND");
        assertThat(open()).containsExactly("F-NODE-REPLAY node:2");

        BalanceRuleView v2 = rules.publishBalance(nodeReplay(1));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(audit("F-NODE-REPLAY")).containsExactly("PUBLISH v2 by sre-li");
        Map<String, Object> row = jdbc.queryForMap("SELECT before_json, after_json FROM bcp_rule_audit"
                + " WHERE rule_id = 'F-NODE-REPLAY'");
        assertThat((String) row.get("before_json")).contains("\"version\":1").contains("\"toleranceMinor\":0");
        assertThat((String) row.get("after_json")).contains("\"version\":2").contains("\"toleranceMinor\":1")
                .contains("\"createdBy\":\"sre-li\"");
        assertThat(rules.balanceRules()).filteredOn(r -> r.ruleId().equals("F-NODE-REPLAY")).containsExactly(v2);

        // a drift of 1 is within the new tolerance: the check passes and resolves what it found before
        FullCheckRuns.Run run = fullCheck.run(FullCheckScope.all());
        assertThat(run.state()).as(run.error()).isEqualTo("PASSED");
        assertThat(open()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT resolution FROM bcp_discrepancy WHERE rule_id = 'F-NODE-REPLAY'",
                String.class)).isEqualTo("AUTO");

        // a drift of 2 is not
        book.credit.update("UPDATE limit_node SET in_use_minor = in_use_minor + 1 WHERE node_id = 2");
        assertThat(fullCheck.run(FullCheckScope.all()).state()).isEqualTo("FOUND");
        assertThat(open()).containsExactly("F-NODE-REPLAY node:2");
    }

    @Test
    void a_new_rule_id_is_evaluated_by_the_next_full_check_without_a_deploy() {
        rules.publishBalance(new PublishBalanceRuleRequest("F-IT-DEBITS-ZERO", "LEDGER_TOTALS", Map.of("debits", 1L),
                0, "info", "ledger", "no debits at all (a rule that fails on the test book)", "sre-li"));
        assertThat(fullCheck.run(FullCheckScope.all()).state()).isEqualTo("FOUND");
        assertThat(open()).containsExactly("F-IT-DEBITS-ZERO CNY:2026-12-01");
        assertThat(audit("F-IT-DEBITS-ZERO")).containsExactly("PUBLISH v1 by sre-li");
        assertThat(jdbc.queryForObject("SELECT before_json IS NULL FROM bcp_rule_audit WHERE rule_id ="
                + " 'F-IT-DEBITS-ZERO'", Boolean.class)).isTrue();
    }

    @Test
    void a_disabled_rule_is_not_evaluated_by_the_next_full_check_and_the_disable_is_audited_with_its_reason() {
        book.credit.update("UPDATE limit_node SET in_use_minor = in_use_minor + 1 WHERE node_id = 2");
        BalanceRuleView disabled = rules.disableBalance("F-NODE-REPLAY", "sre-wang", "replay moves to credit-service");
        assertThat(disabled.version()).isEqualTo(2);
        assertThat(disabled.enabled()).isFalse();
        assertThat(audit("F-NODE-REPLAY")).containsExactly("DISABLE v2 by sre-wang");
        assertThat(jdbc.queryForObject("SELECT reason FROM bcp_rule_audit WHERE rule_id = 'F-NODE-REPLAY'",
                String.class)).isEqualTo("replay moves to credit-service");

        FullCheckRuns.Run run = fullCheck.run(FullCheckScope.all());
        assertThat(run.state()).as(run.error()).isEqualTo("PASSED");
        assertThat(run.findings()).isZero();
        assertThat(open()).isEmpty();

        // published again, it is in force again (version 3, enabled) and finds the drift
        assertThat(rules.publishBalance(nodeReplay(0)).version()).isEqualTo(3);
        assertThat(fullCheck.run(FullCheckScope.all()).state()).isEqualTo("FOUND");
        assertThat(open()).containsExactly("F-NODE-REPLAY node:2");
    }

    @Test
    void a_malformed_rule_or_an_unknown_id_is_refused_with_its_code_and_writes_nothing() {
        long versions = count("bcp_balance_rule");
        long audits = count("bcp_rule_audit");
        List<BalanceRuleView> before = rules.balanceRules();
        assertRefused(() -> rules.publishBalance(new PublishBalanceRuleRequest("F-NODE-REPLAY", "LIMIT_NODES",
                Map.of("stored", 1L, "replay", -1L), 0, "critical", "credit", "typo", "sre-li")),
                ErrorCode.BCP_RULE_INVALID, "term 'replay' is not a balance pass LIMIT_NODES measures");
        assertRefused(() -> rules.publishBalance(new PublishBalanceRuleRequest("F-IT-NEW", "LIMIT_NODES",
                Map.of("stored", 1L, "replayed", -1L), -5, "critical", "credit", "negative", "sre-li")),
                ErrorCode.BCP_RULE_INVALID, "toleranceMinor must be >= 0");
        assertRefused(() -> rules.publishBalance(new PublishBalanceRuleRequest("F-NODE-REPLAY", "CUSTOMERS",
                Map.of("creditUsed", 1L, "ledgerPrincipal", -1L), 0, "critical", "credit", "moved", "sre-li")),
                ErrorCode.BCP_RULE_INVALID, "a new version keeps its pass");
        assertRefused(() -> rules.disableBalance("F-CHAIN-INTACT", "sre-li", "noisy"), ErrorCode.BCP_RULE_INVALID,
                "not administrable");
        assertRefused(() -> rules.disableBalance("F-NEVER-PUBLISHED", "sre-li", "why"), ErrorCode.BCP_RULE_UNKNOWN,
                "no balance rule F-NEVER-PUBLISHED");
        assertThat(count("bcp_balance_rule")).isEqualTo(versions);
        assertThat(count("bcp_rule_audit")).isEqualTo(audits);
        assertThat(rules.balanceRules()).isEqualTo(before).extracting(BalanceRuleView::ruleId).containsExactly(
                "F-CHAIN-INTACT", "F-CUSTOMER-FROZEN", "F-CUSTOMER-LOANS-LEDGER", "F-CUSTOMER-USED-LEDGER",
                "F-EOD-BALANCE", "F-LEDGER-TOTALS", "F-NODE-REPLAY");
    }

    private static PublishBalanceRuleRequest nodeReplay(long toleranceMinor) {
        return new PublishBalanceRuleRequest("F-NODE-REPLAY", "LIMIT_NODES", Map.of("stored", 1L, "replayed", -1L),
                toleranceMinor, "critical", "credit", "every limit node's stored balances = the replay of its flows",
                "sre-li");
    }

    private static void assertRefused(Runnable call, ErrorCode code, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.detail()).contains(detail);
        });
    }

    private List<String> open() {
        return jdbc.queryForList("SELECT CONCAT(rule_id, ' ', fingerprint) FROM bcp_discrepancy WHERE state <> 'RESOLVED'"
                + " AND (rule_id LIKE 'F-%' OR rule_id = 'META-CAP') ORDER BY 1", String.class);
    }

    private List<String> audit(String ruleId) {
        return jdbc.queryForList("SELECT CONCAT(action, ' v', version, ' by ', actor) FROM bcp_rule_audit"
                + " WHERE rule_id = ? ORDER BY id", String.class, ruleId);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
