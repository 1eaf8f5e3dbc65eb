package io.creditsuite.approval.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditsuite.api.approval.ApplicantFacts;
import io.creditsuite.api.approval.ApplicationView;
import io.creditsuite.api.approval.CheckRoute;
import io.creditsuite.api.approval.CreditApplicationService;
import io.creditsuite.api.approval.IdentityType;
import io.creditsuite.api.approval.SubmitApplicationRequest;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.application.check.RuleAdministration;
import io.creditsuite.approval.domain.check.RiskRule;
import io.creditsuite.approval.domain.check.RuleSet;
import io.creditsuite.approval.domain.staff.Staff;
import io.creditsuite.approval.domain.staff.StaffDirectory;
import io.creditsuite.approval.support.FakeCreditExposure;
import io.creditsuite.middleware.spring.MiddlewareInitializer;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * A rule admin's changes on the real MariaDB: a bad expression or a reused version writes nothing, a published
 * version is in force for the next application at once and audited with before and after, blacklist entries apply
 * and stop applying, and only a rule admin changes anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "credit-suite.approval.demo-staff.enabled=true")
@ContextConfiguration(initializers = MiddlewareInitializer.class)
@Import(FakeCreditExposure.class)
class RuleAdministrationIT {
    private static final String PARTNER = "rules-it";

    @Autowired
    private RuleAdministration admin;
    @Autowired
    private CreditApplicationService applications;
    @Autowired
    private StaffDirectory staff;
    @Autowired
    private JdbcTemplate jdbc;

    private Staff rita() {
        return staff.find("rita").orElseThrow();
    }

    private ApplicationView submit(String name) {
        String id = "ra-" + UUID.randomUUID().toString().substring(0, 12);
        return applications.submit(new SubmitApplicationRequest(PARTNER, id, "CU-" + id, new ApplicantFacts(name,
                IdentityType.ID_CARD, "110101199003070011", "13800138000", 40, "MANUFACTURING", 1_000_000_00L,
                "/CN/EAST/SH"), LimitType.GUARANTEE, "CNY", 100_000_00L, 12, List.of("P-1"), "DEALER", null));
    }

    private static void assertCode(ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void a_published_rule_set_is_in_force_for_the_next_application_audited_and_never_edited() {
        String version = "R-ADM-" + UUID.randomUUID().toString().substring(0, 6);
        RuleSet reviewEverything = new RuleSet(version, List.of(new RiskRule("R-ALL", "every application is reviewed",
                "requestedMinor > 0", RiskRule.RuleOutcome.REVIEW)));
        long auditBefore = count("SELECT COUNT(*) FROM approval_audit");
        assertThat(submit("Li Lei").route()).isEqualTo(CheckRoute.FAST_TRACK);
        try {
            admin.publishRuleSet(rita(), reviewEverything);

            assertThat(submit("Li Lei").route()).isEqualTo(CheckRoute.MANUAL_REVIEW);
            assertThat(jdbc.queryForList("SELECT version FROM check_rule_set WHERE status = 'ACTIVE'", String.class))
                    .containsExactly(version);
            assertThat(jdbc.queryForObject("SELECT status FROM check_rule_set WHERE version = 'R1'", String.class))
                    .isEqualTo("SUPERSEDED");
            assertThat(count("SELECT COUNT(*) FROM approval_audit")).isEqualTo(auditBefore + 1);
            assertThat(jdbc.queryForMap("SELECT actor, action, before_json, after_json FROM approval_audit WHERE"
                    + " entity = 'RULE_SET' AND entity_id = ?", version)).containsEntry("actor", "rita")
                    .containsEntry("action", "PUBLISH").containsEntry("before_json", "\"R1\"")
                    .hasEntrySatisfying("after_json", json -> assertThat((String) json).contains("R-ALL"));
            assertCode(() -> admin.publishRuleSet(rita(), reviewEverything), ErrorCode.VERSION_IN_USE);
        } finally {
            jdbc.update("DELETE FROM check_rule WHERE version = ?", version);
            jdbc.update("DELETE FROM check_rule_set WHERE version = ?", version);
            jdbc.update("UPDATE check_rule_set SET status = 'ACTIVE' WHERE version = 'R1'");
        }
    }

    @Test
    void an_expression_that_does_not_compile_or_does_not_answer_true_or_false_writes_nothing() {
        long ruleSets = count("SELECT COUNT(*) FROM check_rule_set");
        long audits = count("SELECT COUNT(*) FROM approval_audit");
        for (String expression : List.of("requestedMinor >", "requestedMinor + 1", "System.exit(1) == nil",
                "industry")) {
            RuleSet bad = new RuleSet("R-BAD-" + UUID.randomUUID().toString().substring(0, 6), List.of(new RiskRule(
                    "R-X", "bad", expression, RiskRule.RuleOutcome.REJECT)));
            assertCode(() -> admin.publishRuleSet(rita(), bad), ErrorCode.RULE_EXPRESSION_INVALID);
        }
        assertCode(() -> admin.publishRuleSet(staff.find("ann").orElseThrow(), new RuleSet("R-NO", List.of(
                new RiskRule("R-Y", "y", "true", RiskRule.RuleOutcome.REVIEW)))), ErrorCode.REVIEW_ROLE_MISSING);
        assertThat(count("SELECT COUNT(*) FROM check_rule_set")).isEqualTo(ruleSets);
        assertThat(count("SELECT COUNT(*) FROM approval_audit")).isEqualTo(audits);
    }

    @Test
    void a_blacklisted_name_rejects_the_next_application_until_the_entry_is_deactivated() {
        String name = "Shady " + UUID.randomUUID().toString().substring(0, 6) + " Trading";
        String entryId = admin.addBlacklistEntry(rita(), "NAME", "  ＳＨＡＤＹ" + name.substring(5) + " ", "sanctioned");
        ApplicationView hit = submit(name);
        assertThat(hit.reasonCode()).isEqualTo("BLACKLIST_HIT");

        admin.deactivateBlacklistEntry(rita(), entryId, "delisted");
        assertThat(submit(name).route()).isEqualTo(CheckRoute.FAST_TRACK);
        assertThat(jdbc.queryForList("SELECT action FROM approval_audit WHERE entity_id = ? ORDER BY id", String.class,
                entryId)).containsExactly("ADD", "DEACTIVATE");
        assertCode(() -> admin.deactivateBlacklistEntry(rita(), entryId, "again"), ErrorCode.BLACKLIST_ENTRY_UNKNOWN);
        assertCode(() -> admin.addBlacklistEntry(rita(), "ID_CARD", "110101199003070018", "typo"),
                ErrorCode.IDENTITY_NUMBER_INVALID);
    }
}
