package io.creditsuite.approval.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.approval.ApplicantFacts;
import io.creditsuite.api.approval.ApplicationView;
import io.creditsuite.api.approval.CreditApplicationService;
import io.creditsuite.api.approval.IdentityType;
import io.creditsuite.api.approval.SubmitApplicationRequest;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.approval.application.review.ApplicationDossier;
import io.creditsuite.approval.application.review.AutomaticDispatch;
import io.creditsuite.approval.application.review.ReviewActionCommand;
import io.creditsuite.approval.application.review.ReviewDesk;
import io.creditsuite.approval.application.review.ReviewTaskView;
import io.creditsuite.approval.domain.application.ReviewDecision;
import io.creditsuite.approval.domain.staff.Staff;
import io.creditsuite.approval.domain.staff.StaffDirectory;
import io.creditsuite.approval.support.FakeCreditExposure;
import io.creditsuite.middleware.spring.MiddlewareInitializer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Automatic dispatch on the real engine with the demo staff, the clock given by the test: nothing moves before the
 * wait is over; then scope, skill and four eyes decide who may get the task, and the history says who did.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "credit-suite.approval.demo-staff.enabled=true")
@ContextConfiguration(initializers = MiddlewareInitializer.class)
@Import(FakeCreditExposure.class)
class AutomaticDispatchIT {
    private static final Duration WAIT = Duration.ofMinutes(10);

    @Autowired
    private CreditApplicationService applications;
    @Autowired
    private ReviewDesk desk;
    @Autowired
    private StaffDirectory staffDirectory;
    @Autowired
    private AutomaticDispatch dispatch;

    @Test
    void a_waiting_task_goes_to_an_eligible_reviewer_only_after_the_wait() {
        ApplicationView west = submit("/CN/WEST/CD", 300_000_00L);
        ReviewTaskView task = openTask(west.applicationId());
        dispatch.dispatchWaiting(task.createdAt().plus(WAIT).minusSeconds(1));
        assertThat(openTask(west.applicationId()).assignee()).isNull();

        dispatch.dispatchWaiting(task.createdAt().plus(WAIT));
        assertThat(openTask(west.applicationId()).assignee()).isEqualTo("wes"); // the only first reviewer in the west
        assertThat(dossier(west.applicationId()).history()).anySatisfy(h -> {
            assertThat(h.action()).isEqualTo("DISPATCHED");
            assertThat(h.comment()).startsWith("to wes");
        });
    }

    @Test
    void a_large_request_goes_to_the_reviewer_with_the_skill_and_four_eyes_hold_at_the_next_stage() {
        ApplicationView large = submit("/CN/EAST/SH", 150_000_000L); // 1,500,000.00: needs LARGE_AMOUNT (ben)
        ReviewTaskView first = openTask(large.applicationId());
        dispatch.dispatchWaiting(first.createdAt().plus(WAIT));
        assertThat(openTask(large.applicationId()).assignee()).isEqualTo("ben");

        Staff ben = staff("ben");
        desk.act(ben, new ReviewActionCommand(first.taskId(), ReviewDecision.APPROVE, 150_000_000L, null, "ok"));
        // final review: cat and eve hold the role; neither has the skill, so it waits in the group queue
        ReviewTaskView fin = openTask(large.applicationId());
        dispatch.dispatchWaiting(fin.createdAt().plus(WAIT));
        assertThat(openTask(large.applicationId()).assignee()).isNull();

        ApplicationView small = submit("/CN/EAST/SH", 200_000_00L);
        Staff eve = staff("eve");
        ReviewTaskView smallFirst = desk.claim(eve, openTask(small.applicationId()).taskId());
        desk.act(eve, new ReviewActionCommand(smallFirst.taskId(), ReviewDecision.APPROVE, 200_000_00L, null, "ok"));
        ReviewTaskView smallFinal = openTask(small.applicationId());
        dispatch.dispatchWaiting(smallFinal.createdAt().plus(WAIT));
        assertThat(openTask(small.applicationId()).assignee()).isEqualTo("cat"); // eve acted already: four eyes
    }

    private ApplicationView submit(String region, long amountMinor) {
        String id = "dp-" + UUID.randomUUID().toString().substring(0, 12);
        return applications.submit(new SubmitApplicationRequest("dispatch-it", id, "CU-" + id,
                new ApplicantFacts("Qian Hao", IdentityType.ID_CARD, "110101199003070011", "13800138000", 22,
                        "RETAIL", 1_000_000_00L, region), LimitType.GUARANTEE, "CNY", amountMinor, 24,
                List.of("P-1"), "DEALER", null));
    }

    private ReviewTaskView openTask(String applicationId) {
        return dossier(applicationId).openTask();
    }

    private ApplicationDossier dossier(String applicationId) {
        return desk.open(staff("dan"), applicationId); // dan (recheck, /CN) sees every region
    }

    private Staff staff(String username) {
        return staffDirectory.find(username).orElseThrow();
    }
}
