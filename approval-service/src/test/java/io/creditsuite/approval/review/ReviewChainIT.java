package io.creditsuite.approval.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditsuite.api.approval.ApplicantFacts;
import io.creditsuite.api.approval.ApplicationStatus;
import io.creditsuite.api.approval.ApplicationView;
import io.creditsuite.api.approval.CheckRoute;
import io.creditsuite.api.approval.CreditApplicationService;
import io.creditsuite.api.approval.IdentityType;
import io.creditsuite.api.approval.SubmitApplicationRequest;
import io.creditsuite.api.approval.SupplementRequest;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.application.review.ApplicationDossier;
import io.creditsuite.approval.application.review.HistoryLine;
import io.creditsuite.approval.application.review.ReviewActionCommand;
import io.creditsuite.approval.application.review.ReviewDesk;
import io.creditsuite.approval.application.review.ReviewTaskView;
import io.creditsuite.approval.application.review.SlaEscalation;
import io.creditsuite.approval.domain.application.ReviewDecision;
import io.creditsuite.approval.domain.staff.Staff;
import io.creditsuite.approval.domain.staff.StaffDirectory;
import io.creditsuite.approval.support.FakeCreditExposure;
import io.creditsuite.middleware.spring.MiddlewareInitializer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The review chain on the real MariaDB and the real Flowable engine, with the demo staff: the whole chain to
 * GRANTING, two claims at once, four eyes, send back and resume, data scope, amount bound and role checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "credit-suite.approval.demo-staff.enabled=true")
@ContextConfiguration(initializers = MiddlewareInitializer.class)
@Import(FakeCreditExposure.class)
class ReviewChainIT {
    private static final String PARTNER = "review-it";

    @Autowired
    private CreditApplicationService applications;
    @Autowired
    private ReviewDesk desk;
    @Autowired
    private StaffDirectory staffDirectory;
    @Autowired
    private SlaEscalation slaEscalation;

    private Staff staff(String username) {
        return staffDirectory.find(username).orElseThrow();
    }

    /** Scored 670 by S1: manual review, in the east region, dealer line. */
    private ApplicationView submitForManualReview() {
        String id = "rv-" + UUID.randomUUID().toString().substring(0, 12);
        ApplicationView view = applications.submit(new SubmitApplicationRequest(PARTNER, id, "CU-" + id,
                new ApplicantFacts("Wang Fang", IdentityType.ID_CARD, "110101199003070011", "13800138000", 22, "RETAIL",
                        1_000_000_00L, "/CN/EAST/SH"), LimitType.GUARANTEE, "CNY", 300_000_00L, 24, List.of("P-1"),
                "DEALER", null));
        assertThat(view.route()).isEqualTo(CheckRoute.MANUAL_REVIEW);
        return view;
    }

    private ReviewTaskView groupTaskOf(Staff staff, String applicationId) {
        return desk.groupTasks(staff).stream().filter(t -> t.applicationId().equals(applicationId)).findFirst()
                .orElseThrow(() -> new AssertionError(staff.username() + " sees no open task of " + applicationId));
    }

    private ApplicationDossier claimAndAct(String username, String applicationId, ReviewDecision decision,
                                           Long amount, String reason) {
        Staff reviewer = staff(username);
        ReviewTaskView task = desk.claim(reviewer, groupTaskOf(reviewer, applicationId).taskId());
        return desk.act(reviewer, new ReviewActionCommand(task.taskId(), decision, amount, reason, "by " + username));
    }

    private static void assertCode(ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    @Test
    void three_reviewers_lower_the_amount_stage_by_stage_and_recheck_sends_it_to_grant() {
        ApplicationView app = submitForManualReview();
        claimAndAct("ann", app.applicationId(), ReviewDecision.APPROVE, 250_000_00L, null);
        claimAndAct("cat", app.applicationId(), ReviewDecision.APPROVE, 200_000_00L, null);
        ApplicationDossier done = claimAndAct("dan", app.applicationId(), ReviewDecision.APPROVE, 200_000_00L, null);

        assertThat(done.status()).isEqualTo("GRANTING");
        assertThat(done.approvedMinor()).isEqualTo(200_000_00L);
        assertThat(done.openTask()).isNull();
        assertThat(done.history()).extracting(h -> h.actor() + ":" + h.action()).containsExactly("system:SUBMITTED",
                "system:CHECKED:MANUAL_REVIEW", "ann:APPROVE", "cat:APPROVE", "dan:APPROVE");
        assertThat(done.identityNumberMasked()).isEqualTo("1101************11");
        assertThat(applications.application(PARTNER, app.applicationId()).status())
                .isEqualTo(ApplicationStatus.GRANTING);
    }

    @Test
    void an_overdue_task_is_escalated_once_to_the_team_leads_who_can_see_it() {
        ApplicationView app = submitForManualReview();
        ReviewTaskView task = groupTaskOf(staff("ann"), app.applicationId());
        assertThat(task.slaState()).isEqualTo("PENDING");
        assertThat(task.slaDueAt()).isEqualTo(task.createdAt().plus(Duration.ofHours(8)));

        slaEscalation.escalateOverdue(task.slaDueAt().minusSeconds(1));
        slaEscalation.escalateOverdue(task.slaDueAt());
        slaEscalation.escalateOverdue(task.slaDueAt().plus(Duration.ofHours(1)));

        List<HistoryLine> escalations = desk.open(staff("eve"), app.applicationId()).history().stream()
                .filter(h -> h.action().equals("SLA_ESCALATED:" + task.taskId())).toList();
        assertThat(escalations).hasSize(1);
        assertThat(escalations.get(0).comment()).endsWith("escalated to eve");
        assertThat(escalations.get(0).at()).isEqualTo(task.slaDueAt());
    }

    @Test
    void of_two_reviewers_claiming_one_task_at_once_exactly_one_gets_it() throws Exception {
        ApplicationView app = submitForManualReview();
        String taskId = groupTaskOf(staff("ann"), app.applicationId()).taskId();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> claims = List.of("ann", "ben").stream().map(user -> pool.submit((Callable<String>) () -> {
            start.await();
            try {
                return desk.claim(staff(user), taskId).assignee();
            } catch (ApiException e) {
                return e.errorCode().code();
            }
        })).toList();
        start.countDown();
        List<String> outcomes = List.of(claims.get(0).get(), claims.get(1).get());
        pool.shutdown();

        assertThat(outcomes).containsExactlyInAnyOrder(outcomes.contains("ann") ? "ann" : "ben",
                ErrorCode.REVIEW_TASK_TAKEN.code());
        String winner = outcomes.contains("ann") ? "ann" : "ben";
        assertThat(desk.myTasks(staff(winner))).extracting(ReviewTaskView::taskId).contains(taskId);
        assertThat(desk.groupTasks(staff("ann"))).extracting(ReviewTaskView::taskId).doesNotContain(taskId);
    }

    @Test
    void one_person_acts_once_even_holding_the_next_stages_role() {
        ApplicationView app = submitForManualReview();
        claimAndAct("eve", app.applicationId(), ReviewDecision.APPROVE, 300_000_00L, null);
        Staff eve = staff("eve");
        ReviewTaskView finalTask = desk.claim(eve, groupTaskOf(eve, app.applicationId()).taskId());
        assertCode(() -> desk.act(eve, new ReviewActionCommand(finalTask.taskId(), ReviewDecision.APPROVE, 1L, null,
                null)), ErrorCode.FOUR_EYES_VIOLATION);
        assertThat(desk.open(eve, app.applicationId()).history()).hasSize(3);
    }

    @Test
    void a_send_back_from_first_review_waits_for_the_partner_and_a_supplement_reopens_first_review() {
        ApplicationView app = submitForManualReview();
        assertCode(() -> claimAndAct("ann", app.applicationId(), ReviewDecision.SEND_BACK, null, " "),
                ErrorCode.REASON_CODE_REQUIRED);
        Staff ann = staff("ann");
        ReviewTaskView held = desk.myTasks(ann).stream().filter(t -> t.applicationId().equals(app.applicationId()))
                .findFirst().orElseThrow();
        desk.act(ann, new ReviewActionCommand(held.taskId(), ReviewDecision.SEND_BACK, null, "INCOME_UNVERIFIED",
                "need the tax return"));
        assertThat(applications.application(PARTNER, app.applicationId()).status())
                .isEqualTo(ApplicationStatus.MORE_INFO_REQUESTED);
        assertThat(desk.open(ann, app.applicationId()).openTask()).isNull();

        // a request id of the longest allowed length (64) is kept in the history's action
        SupplementRequest supplement = new SupplementRequest("sup-" + "x".repeat(60), PARTNER, app.applicationId(),
                "tax return");
        assertThat(applications.supplement(supplement).status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(applications.supplement(supplement).status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertCode(() -> claimAndAct("ann", app.applicationId(), ReviewDecision.APPROVE, 1L, null),
                ErrorCode.FOUR_EYES_VIOLATION);
        ApplicationDossier resumed = desk.open(staff("ben"), app.applicationId());
        assertThat(resumed.openTask()).isNotNull();
    }

    @Test
    void a_reviewer_out_of_scope_sees_nothing_and_a_stage_needs_its_role_and_its_bound() {
        ApplicationView app = submitForManualReview();
        Staff west = staff("wes");
        assertThat(desk.groupTasks(west)).extracting(ReviewTaskView::applicationId).doesNotContain(app.applicationId());
        assertCode(() -> desk.open(west, app.applicationId()), ErrorCode.APPLICATION_UNKNOWN);
        String taskId = groupTaskOf(staff("ann"), app.applicationId()).taskId();
        assertCode(() -> desk.claim(west, taskId), ErrorCode.REVIEW_TASK_UNKNOWN);
        assertCode(() -> desk.claim(staff("cat"), taskId), ErrorCode.REVIEW_ROLE_MISSING);

        Staff ann = staff("ann");
        desk.claim(ann, taskId);
        assertCode(() -> desk.act(ann, new ReviewActionCommand(taskId, ReviewDecision.APPROVE, 300_000_01L, null,
                null)), ErrorCode.APPROVED_AMOUNT_RAISED);
        assertCode(() -> desk.reassign(ann, taskId, "ben"), ErrorCode.REVIEW_ROLE_MISSING);
        desk.reassign(staff("eve"), taskId, "ben");
        assertThat(desk.myTasks(staff("ben"))).extracting(ReviewTaskView::taskId).contains(taskId);
        assertThat(desk.teamBacklog(staff("eve"))).extracting(ReviewTaskView::taskId).contains(taskId);
    }

    @Test
    void bad_input_to_every_review_command_gets_its_code_and_writes_nothing() {
        ApplicationView app = submitForManualReview();
        Staff ann = staff("ann");
        String taskId = desk.claim(ann, groupTaskOf(ann, app.applicationId()).taskId()).taskId();
        int historyBefore = desk.open(ann, app.applicationId()).history().size();

        assertCode(() -> desk.claim(ann, null), ErrorCode.REVIEW_TASK_UNKNOWN);
        assertCode(() -> desk.claim(ann, "no-such-task"), ErrorCode.REVIEW_TASK_UNKNOWN);
        assertCode(() -> desk.open(ann, null), ErrorCode.APPLICATION_UNKNOWN);
        assertCode(() -> desk.act(ann, null), ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> desk.act(ann, new ReviewActionCommand(taskId, null, 1L, null, null)),
                ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> desk.act(ann, new ReviewActionCommand(taskId, ReviewDecision.APPROVE, 0L, null, null)),
                ErrorCode.APPROVED_AMOUNT_RAISED);
        assertCode(() -> desk.act(ann, new ReviewActionCommand(taskId, ReviewDecision.APPROVE, -5L, null, null)),
                ErrorCode.APPROVED_AMOUNT_RAISED);
        assertCode(() -> desk.act(ann, new ReviewActionCommand(taskId, ReviewDecision.REJECT, null, " ", null)),
                ErrorCode.REASON_CODE_REQUIRED);
        assertCode(() -> desk.act(ann, new ReviewActionCommand(taskId, ReviewDecision.SEND_BACK, null, null, null)),
                ErrorCode.REASON_CODE_REQUIRED);
        assertCode(() -> desk.act(ann, new ReviewActionCommand(taskId, ReviewDecision.APPROVE, 1L, null,
                "x".repeat(2001))), ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> desk.act(ann, new ReviewActionCommand("no-such-task", ReviewDecision.APPROVE, 1L, null,
                null)), ErrorCode.REVIEW_TASK_UNKNOWN);
        Staff eve = staff("eve");
        assertCode(() -> desk.reassign(eve, taskId, "nobody"), ErrorCode.STAFF_UNKNOWN);
        assertCode(() -> desk.reassign(eve, taskId, "wes"), ErrorCode.STAFF_UNKNOWN); // out of the application's scope
        assertCode(() -> desk.reassign(eve, taskId, "cat"), ErrorCode.REVIEW_ROLE_MISSING);

        ApplicationDossier after = desk.open(ann, app.applicationId());
        assertThat(after.history()).hasSize(historyBefore);
        assertThat(after.status()).isEqualTo("IN_REVIEW");
        assertThat(after.openTask().assignee()).isEqualTo("ann");
    }
}
