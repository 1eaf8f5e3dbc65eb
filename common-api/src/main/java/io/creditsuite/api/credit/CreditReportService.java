package io.creditsuite.api.credit;

import io.creditsuite.api.error.ApiException;
import java.util.List;

/** 统计: balance (余额) and occurrence (发生额) reports for a period, computed from the flow log. */
public interface CreditReportService {
    List<ReportRow> report(ReportQuery query) throws ApiException;
}
