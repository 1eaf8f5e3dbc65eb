package io.creditsuite.approval.grant;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.approval.ApplicantFacts;
import io.creditsuite.api.approval.ApplicationStatus;
import io.creditsuite.api.approval.ApplicationView;
import io.creditsuite.api.approval.CreditApplicationService;
import io.creditsuite.api.approval.IdentityType;
import io.creditsuite.api.approval.SubmitApplicationRequest;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.approval.application.grant.CreditLines;
import io.creditsuite.approval.application.grant.GrantApprovedApplications;
import io.creditsuite.approval.application.review.ReviewActionCommand;
import io.creditsuite.approval.application.review.ReviewDesk;
import io.creditsuite.approval.application.review.ReviewTaskView;
import io.creditsuite.approval.domain.application.ReviewDecision;
import io.creditsuite.approval.domain.staff.Staff;
import io.creditsuite.approval.domain.staff.StaffDirectory;
import io.creditsuite.approval.support.FakeCreditExposure;
import io.creditsuite.middleware.spring.MiddlewareInitializer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * After recheck the line is granted, and while credit-service cannot be reached the application stays GRANTING and
 * the grant is retried until it is done (a credit side the test switches off and on; the sweeper's own schedule is
 * pushed out of the way, the test runs the passes). The GRANTED decision is published once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "credit-suite.approval.demo-staff.enabled=true", "credit-suite.approval.grant-interval=1h"})
@ContextConfiguration(initializers = MiddlewareInitializer.class)
@Import(FakeCreditExposure.class)
class GrantIT {
    private static final String PARTNER = "grant-it";
    private static final AtomicBoolean CREDIT_UP = new AtomicBoolean();
    private static final AtomicInteger GRANT_CALLS = new AtomicInteger();
    /** Applications credit-service refuses for a business reason, and the code it answers. */
    private static final Map<String, String> REFUSED = new ConcurrentHashMap<>();
    private static final Map<String, Integer> CALLS_BY_APPLICATION = new ConcurrentHashMap<>();

    @TestConfiguration
    static class SwitchableCredit {
        @Bean
        @Primary
        CreditLines switchableCreditLines() {
            return approved -> {
                GRANT_CALLS.incrementAndGet();
                String applicationId = approved.application().facts().applicationId();
                CALLS_BY_APPLICATION.merge(applicationId, 1, Integer::sum);
                if (REFUSED.containsKey(applicationId)) {
                    throw new CreditLines.Refused(REFUSED.get(applicationId), "customer is frozen (test)");
                }
                if (!CREDIT_UP.get()) {
                    throw new IllegalStateException("No provider available for CreditMaintenanceService (test)");
                }
                return "LN-" + approved.application().facts().applicationId();
            };
        }
    }

    @Autowired
    private CreditApplicationService applications;
    @Autowired
    private ReviewDesk desk;
    @Autowired
    private StaffDirectory staffDirectory;
    @Autowired
    private GrantApprovedApplications grants;
    @Autowired
    private JdbcTemplate jdbc;

    /** A fast-track application (score 700+) approved at recheck by dan: GRANTING. */
    private ApplicationView approvedAtRecheck() {
        String id = "gr-" + UUID.randomUUID().toString().substring(0, 12);
        ApplicationView app = applications.submit(new SubmitApplicationRequest(PARTNER, id, "CU-" + id,
                new ApplicantFacts("Li Lei", IdentityType.ID_CARD, "110101199003070011", "13800138000", 40,
                        "MANUFACTURING", 1_000_000_00L, "/CN/EAST/SH"), LimitType.GUARANTEE, "CNY", 100_000_00L, 12,
                List.of("P-1"), "DEALER", "https://partner.example/cb"));
        Staff dan = staffDirectory.find("dan").orElseThrow();
        ReviewTaskView recheck = desk.groupTasks(dan).stream().filter(t -> t.applicationId().equals(app.applicationId()))
                .findFirst().orElseThrow();
        desk.claim(dan, recheck.taskId());
        desk.act(dan, new ReviewActionCommand(recheck.taskId(), ReviewDecision.APPROVE, 90_000_00L, null, "ok"));
        return app;
    }

    @Test
    void a_grant_refused_for_a_business_reason_rejects_the_application_and_is_not_retried() {
        ApplicationView app = approvedAtRecheck();
        REFUSED.put(app.applicationId(), "CS-2001");
        CREDIT_UP.set(true);
        grants.grantPending(50);
        grants.grantPending(50);

        ApplicationView refused = applications.application(PARTNER, app.applicationId());
        assertThat(refused.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(refused.reasonCode()).isEqualTo("GRANT_REFUSED:CS-2001");
        assertThat(CALLS_BY_APPLICATION.get(app.applicationId())).isOne();
        assertThat(jdbc.queryForObject("SELECT payload_json FROM outbox_event WHERE business_key = ?", String.class,
                app.applicationId() + ":REJECTED:1")).contains("\"reasonCode\":\"GRANT_REFUSED:CS-2001\"");
    }

    @Test
    void a_recheck_approval_is_granted_once_credit_service_is_back() {
        ApplicationView app = approvedAtRecheck();

        CREDIT_UP.set(false);
        int callsBefore = GRANT_CALLS.get();
        grants.grantPending(50);
        grants.grantPending(50);
        assertThat(GRANT_CALLS.get() - callsBefore).isGreaterThanOrEqualTo(2);
        assertThat(applications.application(PARTNER, app.applicationId()).status()).isEqualTo(ApplicationStatus.GRANTING);

        CREDIT_UP.set(true);
        grants.grantPending(50);
        ApplicationView granted = applications.application(PARTNER, app.applicationId());
        assertThat(granted.status()).isEqualTo(ApplicationStatus.GRANTED);
        assertThat(granted.lineId()).isEqualTo("LN-" + app.applicationId());
        assertThat(granted.approvedMinor()).isEqualTo(90_000_00L);
        grants.grantPending(50);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'APPLICATION_DECIDED'"
                + " AND ordering_key = ?", Long.class, app.applicationId())).isOne();
        assertThat(jdbc.queryForObject("SELECT payload_json FROM outbox_event WHERE business_key = ?", String.class,
                app.applicationId() + ":GRANTED:1")).contains("\"approvedMinor\":9000000", "\"lineId\":\"LN-");
    }
}
