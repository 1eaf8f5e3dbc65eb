package io.creditsuite.credit.application;

import io.creditsuite.api.credit.ChangeRateRequest;
import io.creditsuite.api.credit.MaintenanceOutcome;
import io.creditsuite.api.credit.MaintenanceResult;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.LimitDirectory;
import java.math.BigDecimal;
import org.springframework.transaction.annotation.Transactional;

/** Changes a line's annual rate (修改利率), audited. */
public class ChangeRateHandler {
    private final MaintenanceSupport support;
    private final LimitDirectory directory;

    public ChangeRateHandler(MaintenanceSupport support, LimitDirectory directory) {
        this.support = support;
        this.directory = directory;
    }

    @Transactional
    public MaintenanceResult handle(ChangeRateRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a rate change is required");
        }
        var change = MaintenanceSupport.lineChange(request, request.requestId(), request.actor(), request.reason(),
                request.lineId());
        var done = support.earlier(change.requestId(), change.bodyHash());
        if (done.isPresent()) {
            return done.get();
        }
        String lineId = change.lineId();
        BigDecimal rate = Rates.parse(request.rate());
        // the line as committed, locked to the commit (not the briefly cached copy): the audit's "before" is exact
        CreditLine line = support.store().lockLine(lineId).orElseThrow(() -> new ApiException(
                ErrorCode.CREDIT_LINE_UNKNOWN, "no credit line " + lineId));
        support.store().updateRate(lineId, rate);
        support.audit(change.requestId(), lineId, "CHANGE_RATE", change.actor(), null, line.describe(),
                line.withRate(rate).describe(), change.reason(), change.bodyHash());
        directory.lineChanged(lineId);
        return new MaintenanceResult(change.requestId(), MaintenanceOutcome.APPLIED, null);
    }
}
