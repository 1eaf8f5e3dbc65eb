package io.creditsuite.api.approval;

import java.util.List;

/**
 * The approval reports (issue 12): throughput, timeliness and backlog, as rows and as CSV. Days are UTC calendar
 * days given as ISO dates ("2026-12-03"), {@code from} and {@code to} inclusive, at most
 * {@value #MAX_DAYS} days; anything else is CS-1000 and names what is wrong.
 */
public interface ApprovalReportService {
    int MAX_DAYS = 92;

    /** Decisions per reviewer, day and stage (approvals, rejections, send-backs), by day then reviewer. */
    List<ThroughputRow> throughput(String fromDate, String toDate);

    /** Per stage: tasks finished in the period, time in the stage (p50, p90) and how many met the stage's SLA. */
    List<TimelinessRow> timeliness(String fromDate, String toDate);

    /** Per stage: the open tasks now, by how long they have waited. */
    List<BacklogRow> backlog();

    /**
     * One report as CSV (RFC 4180, UTF-8, a header line first).
     *
     * @param report {@code throughput}, {@code timeliness} or {@code backlog} (the dates are ignored for backlog)
     */
    String csv(String report, String fromDate, String toDate);
}
