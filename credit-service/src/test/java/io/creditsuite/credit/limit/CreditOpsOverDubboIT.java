package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.creditsuite.api.credit.CreditReplayService;
import io.creditsuite.api.credit.CreditReportService;
import io.creditsuite.api.credit.CreditWarningService;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.DirectUseRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.ReportDimension;
import io.creditsuite.api.credit.ReportQuery;
import io.creditsuite.api.credit.ReportRow;
import io.creditsuite.api.credit.WarningQuery;
import io.creditsuite.api.credit.WarningView;
import io.creditsuite.api.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.apache.dubbo.config.ReferenceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reports, warnings and replay through ZooKeeper and the network (Hessian2, strict check): lists arrive intact. */
class CreditOpsOverDubboIT extends CreditLimitITSupport {

    @Test
    void reports_warnings_and_the_replay_cross_the_network_intact() {
        String upstream = customer(CustomerSource.ENTERPRISE, null, null);
        GrantLineResult guarantee = guarantee(upstream, 1_000);
        GrantLineResult line = vendorLine(upstream, customer(CustomerSource.DEALER, null, null), root(guarantee), 100, true);
        limits.useDirect(new DirectUseRequest(id("r"), line.lineId(), product(line), 0, 95, CNY));
        long now = System.currentTimeMillis();
        ReferenceConfig<CreditReportService> reports = remoteReference(CreditReportService.class);
        ReferenceConfig<CreditWarningService> warnings = remoteReference(CreditWarningService.class);
        ReferenceConfig<CreditReplayService> replay = remoteReference(CreditReplayService.class);
        try {
            ReportQuery query = new ReportQuery(0, now + 60_000, ReportDimension.CUSTOMER);
            List<ReportRow> rows = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> reports.get().report(query), r -> r.size() >= 2);
            assertThat(rows).isEqualTo(reportsHere(query));
            assertThat(codeOf(() -> reports.get().report(new ReportQuery(2, 1, ReportDimension.CUSTOMER))))
                    .isEqualTo(ErrorCode.REPORT_PERIOD_INVALID);

            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> warnings.get().scan() != null);
            WarningQuery recent = new WarningQuery(null, null, now - 1, now + 600_000, 1000);
            List<WarningView> remote = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> warnings.get().warnings(recent), w -> w.size() >= 2);
            assertThat(remote).extracting(WarningView::kind).contains("AVAILABLE_LOW");

            assertThat(await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> replay.get().replay(), r -> true).differences()).isEmpty();
        } finally {
            reports.destroy();
            warnings.destroy();
            replay.destroy();
        }
    }

    @Autowired
    CreditReportService localReports;

    private List<ReportRow> reportsHere(ReportQuery query) {
        return localReports.report(query);
    }
}
