package io.creditsuite.approval.infrastructure.rpc;

import io.creditsuite.api.approval.ApprovalReportService;
import io.creditsuite.api.approval.BacklogRow;
import io.creditsuite.api.approval.ThroughputRow;
import io.creditsuite.api.approval.TimelinessRow;
import io.creditsuite.approval.application.report.ApprovalReports;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/** The approval reports over Dubbo (internal callers; reviewers read them in the workbench). */
@DubboService
public class ApprovalReportProvider implements ApprovalReportService {
    private final ApprovalReports reports;

    public ApprovalReportProvider(ApprovalReports reports) {
        this.reports = reports;
    }

    @Override
    public List<ThroughputRow> throughput(String fromDate, String toDate) {
        return reports.throughput(fromDate, toDate);
    }

    @Override
    public List<TimelinessRow> timeliness(String fromDate, String toDate) {
        return reports.timeliness(fromDate, toDate);
    }

    @Override
    public List<BacklogRow> backlog() {
        return reports.backlog();
    }

    @Override
    public String csv(String report, String fromDate, String toDate) {
        return reports.csv(report, fromDate, toDate);
    }
}
