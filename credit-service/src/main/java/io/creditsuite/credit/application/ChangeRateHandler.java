package io.creditsuite.credit.application;

import io.creditsuite.api.credit.ChangeRateRequest;
import io.creditsuite.api.credit.MaintenanceResult;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
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
        BigDecimal rate = Rates.parse(request.rate());
        return support.changeLine(change, "CHANGE_RATE", directory, line -> {
            support.store().updateRate(line.lineId(), rate);
            return line.withRate(rate);
        });
    }
}
