package io.creditsuite.approval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditsuite.api.approval.ApplicantFacts;
import io.creditsuite.api.approval.ApplicationView;
import io.creditsuite.api.approval.ApprovalReportService;
import io.creditsuite.api.approval.BacklogRow;
import io.creditsuite.api.approval.CreditApplicationService;
import io.creditsuite.api.approval.IdentityType;
import io.creditsuite.api.approval.ReviewStage;
import io.creditsuite.api.approval.SubmitApplicationRequest;
import io.creditsuite.api.approval.ThroughputRow;
import io.creditsuite.api.approval.TimelinessRow;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.application.review.ReviewActionCommand;
import io.creditsuite.approval.application.review.ReviewDesk;
import io.creditsuite.approval.application.review.ReviewTaskView;
import io.creditsuite.approval.domain.application.ReviewDecision;
import io.creditsuite.approval.domain.staff.Staff;
import io.creditsuite.approval.domain.staff.StaffDirectory;
import io.creditsuite.approval.support.FakeCreditExposure;
import io.creditsuite.middleware.spring.MiddlewareInitializer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The reports move exactly by what reviewers do: a decision adds one to the reviewer's throughput of the day, a
 * finished task one to its stage's timeliness, an open task one to the backlog; bad periods are CS-1000.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "credit-suite.approval.demo-staff.enabled=true")
@ContextConfiguration(initializers = MiddlewareInitializer.class)
@Import(FakeCreditExposure.class)
class ApprovalReportsIT {
    @Autowired
    private ApprovalReportService reports;
    @Autowired
    private CreditApplicationService applications;
    @Autowired
    private ReviewDesk desk;
    @Autowired
    private StaffDirectory staff;

    @Test
    void a_decision_moves_throughput_timeliness_and_backlog_by_one() {
        // a three-day window around today, so crossing midnight during the test changes nothing
        LocalDate now = LocalDate.now(ZoneOffset.UTC);
        String from = now.minusDays(1).toString();
        String to = now.plusDays(1).toString();
        int approvedBefore = approvedBy("ben", from, to);
        int finishedBefore = stage(reports.timeliness(from, to), ReviewStage.FIRST_REVIEW).finished();
        int openBefore = backlog(ReviewStage.FIRST_REVIEW).open();

        ApplicationView app = submit();
        assertThat(backlog(ReviewStage.FIRST_REVIEW).open()).isEqualTo(openBefore + 1);
        assertThat(backlog(ReviewStage.FIRST_REVIEW).under1h()).isPositive();

        Staff ben = staff.find("ben").orElseThrow();
        ReviewTaskView task = desk.groupTasks(ben).stream().filter(t -> t.applicationId().equals(app.applicationId()))
                .findFirst().orElseThrow();
        desk.claim(ben, task.taskId());
        desk.act(ben, new ReviewActionCommand(task.taskId(), ReviewDecision.APPROVE, 100_000_00L, null, "ok"));

        assertThat(approvedBy("ben", from, to)).isEqualTo(approvedBefore + 1);
        TimelinessRow first = stage(reports.timeliness(from, to), ReviewStage.FIRST_REVIEW);
        assertThat(first.finished()).isEqualTo(finishedBefore + 1);
        assertThat(first.metSla()).isPositive();
        assertThat(first.p90Seconds()).isGreaterThanOrEqualTo(first.p50Seconds());
        assertThat(backlog(ReviewStage.FIRST_REVIEW).open()).isEqualTo(openBefore);
        assertThat(reports.timeliness(from, to)).hasSize(3);

        String csv = reports.csv("throughput", from, to);
        assertThat(csv).startsWith("day,reviewer,stage,approved,rejected,sent_back,decisions\r\n")
                .contains(",ben,FIRST_REVIEW,");
    }

    @Test
    void a_bad_period_or_report_is_refused_with_its_reason() {
        assertCode(() -> reports.throughput("2026-12-03", "2026-12-01"), "after");
        assertCode(() -> reports.timeliness("2026-01-01", "2026-12-31"), "92 days");
        assertCode(() -> reports.throughput("yesterday", "2026-12-01"), "ISO date");
        assertCode(() -> reports.csv("salaries", "2026-12-01", "2026-12-01"), "throughput, timeliness or backlog");
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String says) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains(says);
        });
    }

    private int approvedBy(String reviewer, String from, String to) {
        return reports.throughput(from, to).stream().filter(r -> r.reviewer().equals(reviewer)
                && r.stage() == ReviewStage.FIRST_REVIEW).mapToInt(ThroughputRow::approved).sum();
    }

    private BacklogRow backlog(ReviewStage stage) {
        return reports.backlog().stream().filter(r -> r.stage() == stage).findFirst().orElseThrow();
    }

    private static TimelinessRow stage(List<TimelinessRow> rows, ReviewStage stage) {
        return rows.stream().filter(r -> r.stage() == stage).findFirst().orElseThrow();
    }

    private ApplicationView submit() {
        String id = "rp-" + UUID.randomUUID().toString().substring(0, 12);
        return applications.submit(new SubmitApplicationRequest("report-it", id, "CU-" + id,
                new ApplicantFacts("Sun Li", IdentityType.ID_CARD, "110101199003070011", "13800138000", 22, "RETAIL",
                        1_000_000_00L, "/CN/EAST/SH"), LimitType.GUARANTEE, "CNY", 300_000_00L, 24, List.of("P-1"),
                "DEALER", null));
    }
}
