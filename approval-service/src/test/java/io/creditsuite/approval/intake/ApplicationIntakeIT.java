package io.creditsuite.approval.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditsuite.api.approval.ApplicantFacts;
import io.creditsuite.api.approval.ApplicationStatus;
import io.creditsuite.api.approval.ApplicationView;
import io.creditsuite.api.approval.CheckRoute;
import io.creditsuite.api.approval.CreditApplicationService;
import io.creditsuite.api.approval.IdentityType;
import io.creditsuite.api.approval.ReviewStage;
import io.creditsuite.api.approval.SubmitApplicationRequest;
import io.creditsuite.api.approval.SupplementRequest;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.support.FakeCreditExposure;
import io.creditsuite.middleware.spring.MiddlewareInitializer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Intake on the real MariaDB with the seeded rule set R1 and scorecard S1 (V10): routes, the stored explanation,
 * idempotency by the partner's application id, a rule change applied to the next application only, and bad input
 * answered with its code and nothing written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "credit-suite.approval.demo-staff.enabled=true")
@ContextConfiguration(initializers = MiddlewareInitializer.class)
@Import(FakeCreditExposure.class)
class ApplicationIntakeIT {
    private static final String PARTNER = "intake-it";
    private static final String PERSON_ID = "110101199003070011";

    @Autowired
    private CreditApplicationService applications;
    @Autowired
    private JdbcTemplate jdbc;

    /** A 40-year-old with 1,000,000.00 revenue asking 100,000.00 for 12 months in manufacturing: 760 points. */
    private static SubmitApplicationRequest strong(String partnerApplicationId) {
        return new SubmitApplicationRequest(PARTNER, partnerApplicationId, "CU-" + partnerApplicationId,
                new ApplicantFacts("Li Lei", IdentityType.ID_CARD, PERSON_ID, "13800138000", 40, "MANUFACTURING",
                        1_000_000_00L, "/CN/EAST/SH"), LimitType.GUARANTEE, "CNY", 100_000_00L, 12, List.of("P-1"),
                "DEALER", "https://partner.example/callbacks");
    }

    private static SubmitApplicationRequest with(SubmitApplicationRequest r, UnaryOperator<ApplicantFacts> change) {
        return new SubmitApplicationRequest(r.partnerId(), r.partnerApplicationId(), r.customerId(),
                change.apply(r.applicant()), r.limitType(), r.currency(), r.requestedMinor(), r.termMonths(),
                r.productIds(), r.productLine(), r.callbackUrl());
    }

    private static ApplicantFacts applicant(ApplicantFacts a, String name, String identity, Integer age,
                                            String industry, long revenue) {
        return new ApplicantFacts(name, a.identityType(), identity, a.phone(), age, industry, revenue, a.regionPath());
    }

    private static String newId() {
        return "pa-" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    void a_strong_application_is_fast_tracked_to_recheck_with_its_score_explained() {
        ApplicationView view = applications.submit(strong(newId()));

        assertThat(view.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(view.route()).isEqualTo(CheckRoute.FAST_TRACK);
        assertThat(view.stage()).isEqualTo(ReviewStage.RECHECK);
        assertThat(view.score()).isEqualTo(760);
        List<Map<String, Object>> findings = jdbc.queryForList("SELECT kind, code, outcome FROM"
                + " application_check_finding WHERE application_id = ? ORDER BY seq", view.applicationId());
        assertThat(findings).extracting(f -> f.get("code")).containsExactly("AGE", "REVENUE", "LEVERAGE", "TERM",
                "INDUSTRY");
        assertThat(findings).extracting(f -> f.get("outcome")).containsExactly("30", "60", "40", "10", "20");
        assertThat(jdbc.queryForObject("SELECT rules_version FROM credit_application WHERE application_id = ?",
                String.class, view.applicationId())).isEqualTo("R1");
        assertThat(jdbc.queryForList("SELECT action FROM application_history WHERE application_id = ? ORDER BY id",
                String.class, view.applicationId())).containsExactly("SUBMITTED", "CHECKED:FAST_TRACK");
    }

    @Test
    void a_blacklisted_identity_a_rejecting_rule_and_a_low_score_each_reject_with_their_reason() {
        ApplicationView blacklisted = applications.submit(with(strong(newId()),
                a -> applicant(a, a.name(), "11010519491231002X", 40, a.industry(), a.declaredAnnualRevenueMinor())));
        assertThat(blacklisted.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(blacklisted.reasonCode()).isEqualTo("BLACKLIST_HIT");
        assertThat(jdbc.queryForObject("SELECT detail FROM application_check_finding WHERE application_id = ?"
                + " AND kind = 'BLACKLIST'", String.class, blacklisted.applicationId())).contains("BL-1");
        // the decision is published from the intake's own transaction
        assertThat(jdbc.queryForObject("SELECT payload_json FROM outbox_event WHERE event_type = 'APPLICATION_DECIDED'"
                + " AND business_key = ?", String.class, blacklisted.applicationId() + ":REJECTED:1"))
                .contains("\"reasonCode\":\"BLACKLIST_HIT\"", "\"partnerApplicationId\"");

        ApplicationView minor = applications.submit(with(strong(newId()),
                a -> applicant(a, a.name(), a.identityNumber(), 17, a.industry(), a.declaredAnnualRevenueMinor())));
        assertThat(minor.reasonCode()).isEqualTo("RULE:R-AGE-MIN");

        ApplicationView weak = applications.submit(with(strong(newId()),
                a -> applicant(a, a.name(), a.identityNumber(), 22, null, 30_000_00L)));
        assertThat(weak.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(weak.reasonCode()).isEqualTo("SCORE_BELOW_CUTOFF");
        assertThat(weak.decidedAtEpochMillis()).isNotNull();
    }

    @Test
    void the_same_application_id_replays_and_another_body_under_it_is_refused() throws Exception {
        String id = newId();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        Callable<ApplicationView> submit = () -> {
            start.await();
            return applications.submit(strong(id));
        };
        List<Future<ApplicationView>> answers = List.of(pool.submit(submit), pool.submit(submit),
                pool.submit(submit), pool.submit(submit));
        start.countDown();
        String first = answers.get(0).get().applicationId();
        for (Future<ApplicationView> answer : answers) {
            assertThat(answer.get().applicationId()).isEqualTo(first);
        }
        pool.shutdown();
        assertThat(count("SELECT COUNT(*) FROM credit_application WHERE partner_application_id = ?", id)).isOne();

        SubmitApplicationRequest other = with(strong(id), a -> applicant(a, "Han Meimei", a.identityNumber(), 40,
                a.industry(), a.declaredAnnualRevenueMinor()));
        assertThatThrownBy(() -> applications.submit(other)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REQUEST_ID_REUSED));
        assertThat(applications.byPartnerApplicationId(PARTNER, id).applicationId()).isEqualTo(first);
    }

    @Test
    void the_customers_exposure_in_credit_service_feeds_the_rules_and_an_unknown_customer_writes_nothing() {
        SubmitApplicationRequest exposed = strong(newId());
        FakeCreditExposure.EXPOSURE_BY_CUSTOMER.put(exposed.customerId(), 4_950_000_00L);
        ApplicationView view = applications.submit(exposed);
        assertThat(view.route()).isEqualTo(CheckRoute.MANUAL_REVIEW);
        assertThat(jdbc.queryForList("SELECT code FROM application_check_finding WHERE application_id = ? AND kind ="
                + " 'RULE'", String.class, view.applicationId())).containsExactly("R-EXPOSURE");

        long before = count("SELECT COUNT(*) FROM credit_application");
        SubmitApplicationRequest s = strong(newId());
        SubmitApplicationRequest unknown = new SubmitApplicationRequest(s.partnerId(), s.partnerApplicationId(),
                "CU-UNKNOWN-1", s.applicant(), s.limitType(), s.currency(), s.requestedMinor(), s.termMonths(),
                s.productIds(), s.productLine(), s.callbackUrl());
        assertThatThrownBy(() -> applications.submit(unknown)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CREDIT_CUSTOMER_UNKNOWN));
        assertThat(count("SELECT COUNT(*) FROM credit_application")).isEqualTo(before);
    }

    @Test
    void another_partners_application_is_unknown() {
        ApplicationView view = applications.submit(strong(newId()));
        assertThatThrownBy(() -> applications.application("someone-else", view.applicationId()))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.APPLICATION_UNKNOWN));
        assertThat(applications.application(PARTNER, view.applicationId()).status()).isEqualTo(view.status());
    }

    @Test
    void a_new_rule_set_applies_to_the_next_application_and_not_to_one_already_scored() {
        ApplicationView before = applications.submit(strong(newId()));
        assertThat(before.route()).isEqualTo(CheckRoute.FAST_TRACK);
        String version = "R-IT-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("UPDATE check_rule_set SET status = 'SUPERSEDED' WHERE status = 'ACTIVE'");
        jdbc.update("INSERT INTO check_rule_set (version, status, published_by, published_at) VALUES (?, 'ACTIVE',"
                + " 'it', NOW(3))", version);
        jdbc.update("INSERT INTO check_rule (version, seq, code, description, expression, outcome) VALUES (?, 1,"
                + " 'R-MANUFACTURING', 'manufacturing needs review', 'industry == ''MANUFACTURING''', 'REVIEW')", version);
        try {
            ApplicationView after = applications.submit(strong(newId()));
            assertThat(after.route()).isEqualTo(CheckRoute.MANUAL_REVIEW);
            assertThat(after.stage()).isEqualTo(ReviewStage.FIRST_REVIEW);
            assertThat(applications.application(PARTNER, before.applicationId()).route())
                    .isEqualTo(CheckRoute.FAST_TRACK);
        } finally {
            jdbc.update("DELETE FROM check_rule_set WHERE version = ?", version);
            jdbc.update("DELETE FROM check_rule WHERE version = ?", version);
            jdbc.update("UPDATE check_rule_set SET status = 'ACTIVE' WHERE version = 'R1'");
        }
    }

    @Test
    void bad_input_gets_its_code_and_writes_nothing() {
        long applicationsBefore = count("SELECT COUNT(*) FROM credit_application");
        long historyBefore = count("SELECT COUNT(*) FROM application_history");
        SubmitApplicationRequest good = strong(newId());
        Map<ErrorCode, SubmitApplicationRequest> cases = Map.of(
                ErrorCode.IDENTITY_NUMBER_INVALID, with(good, a -> applicant(a, a.name(), "110101199003070018", 40,
                        a.industry(), a.declaredAnnualRevenueMinor())),
                ErrorCode.AMOUNT_INVALID, new SubmitApplicationRequest(PARTNER, newId(), "CU-1", good.applicant(),
                        LimitType.GUARANTEE, "CNY", 0, 12, List.of("P-1"), "DEALER", null),
                ErrorCode.CALLBACK_URL_INVALID, new SubmitApplicationRequest(PARTNER, newId(), "CU-1",
                        good.applicant(), LimitType.GUARANTEE, "CNY", 100, 12, List.of("P-1"), "DEALER",
                        "http://partner.example/cb"),
                ErrorCode.INVALID_ARGUMENT, new SubmitApplicationRequest(PARTNER, "bad id; DROP TABLE", "CU-1",
                        good.applicant(), LimitType.GUARANTEE, "XXX", 100, 12, List.of("P-1"), "DEALER", null));
        cases.forEach((code, request) -> assertThatThrownBy(() -> applications.submit(request))
                .as("%s", code).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(code)));
        assertThatThrownBy(() -> applications.submit(null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> applications.supplement(new SupplementRequest("s-1", PARTNER, "AP-none", null)))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.APPLICATION_UNKNOWN));
        assertThat(count("SELECT COUNT(*) FROM credit_application")).isEqualTo(applicationsBefore);
        assertThat(count("SELECT COUNT(*) FROM application_history")).isEqualTo(historyBefore);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
