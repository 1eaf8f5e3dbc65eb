package io.creditsuite.credit.application;

import io.creditsuite.api.credit.ReportQuery;
import io.creditsuite.api.credit.ReportRow;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import java.time.Instant;
import java.util.List;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 统计: balance (余额) and occurrence (发生额) for the period {@code [from, to)}, grouped by limit type, business
 * type or customer. Computed from the flow log (balances at a time are the sums of the entries before it), so a
 * report of a past period is as exact as one of today, and {@code closing} at now equals the stored balances.
 */
public class CreditReportHandler {
    private final ReportReader reader;

    /** 9999-12-31T23:59:59.999Z, the last instant a DATETIME column holds. */
    static final long LAST_STORABLE_MILLI = 253_402_300_799_999L;

    public CreditReportHandler(ReportReader reader) {
        this.reader = reader;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<ReportRow> handle(ReportQuery query) {
        if (query == null || query.dimension() == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a report needs a period and a dimension");
        }
        if (query.fromEpochMillis() < 0 || query.toEpochMillis() > LAST_STORABLE_MILLI) {
            throw new ApiException(ErrorCode.REPORT_PERIOD_INVALID, "the period must lie between 1970-01-01 and"
                    + " 9999-12-31 (what a DATETIME holds), got " + query.fromEpochMillis() + ".." + query.toEpochMillis());
        }
        if (query.fromEpochMillis() > query.toEpochMillis()) {
            throw new ApiException(ErrorCode.REPORT_PERIOD_INVALID, "the period starts at " + query.fromEpochMillis()
                    + " after it ends at " + query.toEpochMillis());
        }
        try {
            return reader.report(query.dimension(), Instant.ofEpochMilli(query.fromEpochMillis()),
                    Instant.ofEpochMilli(query.toEpochMillis()));
        } catch (io.creditsuite.credit.domain.LimitRejection overflow) {
            throw Requests.toApi(overflow);
        }
    }
}
