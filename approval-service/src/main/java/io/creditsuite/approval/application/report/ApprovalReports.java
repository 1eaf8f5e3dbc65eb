package io.creditsuite.approval.application.report;

import io.creditsuite.api.approval.ApprovalReportService;
import io.creditsuite.api.approval.BacklogRow;
import io.creditsuite.api.approval.ReviewStage;
import io.creditsuite.api.approval.ThroughputRow;
import io.creditsuite.api.approval.TimelinessRow;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.application.review.ReviewTasks;
import io.creditsuite.approval.domain.application.ReviewStep;
import io.creditsuite.approval.domain.application.SlaPolicy;
import io.creditsuite.approval.domain.report.NearestRank;
import io.creditsuite.approval.domain.report.ReportPeriod;
import io.creditsuite.approval.domain.report.WaitBucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval reports: throughput from the history's decisions, timeliness from the engine's finished tasks (time
 * in stage = creation to completion, {@link NearestRank} p50 / p90, SLA met by {@link SlaPolicy}), backlog from the
 * open tasks by {@link WaitBucket}. Every stage has a row in timeliness and backlog, zeros included. Served over Dubbo
 * as {@link ApprovalReportService} and in the workbench.
 */
public class ApprovalReports {
    private final DecisionCounts decisions;
    private final ReviewTasks tasks;
    private final SlaPolicy sla;
    private final Clock clock;

    public ApprovalReports(DecisionCounts decisions, ReviewTasks tasks, SlaPolicy sla, Clock clock) {
        this.decisions = decisions;
        this.tasks = tasks;
        this.sla = sla;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ThroughputRow> throughput(String fromDate, String toDate) {
        ReportPeriod period = period(fromDate, toDate);
        Map<String, int[]> byKey = new TreeMap<>(); // day|reviewer|stage -> approved, rejected, sent back
        for (DecisionCounts.Count c : decisions.between(period.start(), period.end())) {
            int[] n = byKey.computeIfAbsent(c.day() + "|" + c.reviewer() + "|" + c.stage().ordinal() + "|"
                    + c.stage(), k -> new int[3]);
            switch (c.action()) {
                case "APPROVE" -> n[0] += c.count();
                case "REJECT" -> n[1] += c.count();
                default -> n[2] += c.count();
            }
        }
        List<ThroughputRow> rows = new ArrayList<>();
        byKey.forEach((key, n) -> {
            String[] k = key.split("\\|");
            rows.add(new ThroughputRow(k[0], k[1], ReviewStage.valueOf(k[3]), n[0], n[1], n[2], n[0] + n[1] + n[2]));
        });
        return rows;
    }

    @Transactional(readOnly = true)
    public List<TimelinessRow> timeliness(String fromDate, String toDate) {
        ReportPeriod period = period(fromDate, toDate);
        Map<ReviewStep, List<ReviewTasks.FinishedTask>> byStage = new EnumMap<>(ReviewStep.class);
        for (ReviewStep step : ReviewStep.values()) {
            byStage.put(step, new ArrayList<>());
        }
        tasks.finishedBetween(period.start(), period.end()).forEach(t -> byStage.get(t.step()).add(t));
        List<TimelinessRow> rows = new ArrayList<>();
        byStage.forEach((step, done) -> {
            long[] seconds = done.stream().mapToLong(t -> Duration.between(t.createdAt(), t.endedAt()).toSeconds())
                    .toArray();
            int met = (int) done.stream().filter(t -> sla.doneState(step, t.createdAt(), t.endedAt())
                    == SlaPolicy.SlaState.MET).count();
            rows.add(new TimelinessRow(ReviewStage.valueOf(step.name()), done.size(),
                    NearestRank.percentile(seconds, 50), NearestRank.percentile(seconds, 90), met,
                    done.isEmpty() ? 0 : (int) (10_000L * met / done.size())));
        });
        return rows;
    }

    @Transactional(readOnly = true)
    public List<BacklogRow> backlog() {
        Instant now = clock.instant();
        Map<ReviewStep, int[]> byStage = new EnumMap<>(ReviewStep.class);
        for (ReviewStep step : ReviewStep.values()) {
            byStage.put(step, new int[WaitBucket.values().length]);
        }
        tasks.allOpen().forEach(t -> byStage.get(t.step())[WaitBucket.of(Duration.between(t.createdAt(), now))
                .ordinal()]++);
        List<BacklogRow> rows = new ArrayList<>();
        byStage.forEach((step, n) -> rows.add(new BacklogRow(ReviewStage.valueOf(step.name()), n[0], n[1], n[2], n[3],
                n[4], n[0] + n[1] + n[2] + n[3] + n[4])));
        return rows;
    }

    public String csv(String report, String fromDate, String toDate) {
        return switch (report == null ? "" : report) {
            case "throughput" -> ReportCsv.throughput(throughput(fromDate, toDate));
            case "timeliness" -> ReportCsv.timeliness(timeliness(fromDate, toDate));
            case "backlog" -> ReportCsv.backlog(backlog());
            default -> throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                    "report must be throughput, timeliness or backlog");
        };
    }

    private static ReportPeriod period(String fromDate, String toDate) {
        try {
            return ReportPeriod.parse(fromDate, toDate, ApprovalReportService.MAX_DAYS);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, e.getMessage());
        }
    }
}
