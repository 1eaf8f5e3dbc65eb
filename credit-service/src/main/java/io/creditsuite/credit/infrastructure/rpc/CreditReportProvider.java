package io.creditsuite.credit.infrastructure.rpc;

import io.creditsuite.api.credit.CreditReportService;
import io.creditsuite.api.credit.ReportQuery;
import io.creditsuite.api.credit.ReportRow;
import io.creditsuite.credit.application.CreditReportHandler;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService(timeout = 60_000)
public class CreditReportProvider implements CreditReportService {
    private final CreditReportHandler reports;

    public CreditReportProvider(CreditReportHandler reports) {
        this.reports = reports;
    }

    @Override
    public List<ReportRow> report(ReportQuery query) {
        return reports.handle(query);
    }
}
