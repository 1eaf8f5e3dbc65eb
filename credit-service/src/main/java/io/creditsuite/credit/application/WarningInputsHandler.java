package io.creditsuite.credit.application;

import io.creditsuite.api.credit.BusinessTypeCapRequest;
import io.creditsuite.api.credit.RepaymentDueRequest;
import io.creditsuite.api.credit.WarningQuery;
import io.creditsuite.api.credit.WarningView;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.LimitDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;

/** The inputs of the warning rules (repayments due, business-type caps) and the warning query. */
public class WarningInputsHandler {
    static final int QUERY_MAX = 1000;

    private final WarningStore store;
    private final LimitDirectory directory;
    private final Clock clock;

    public WarningInputsHandler(WarningStore store, LimitDirectory directory, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional
    public void recordDue(RepaymentDueRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.REPAYMENT_DUE_INVALID, "a repayment due is required");
        }
        String requestId = Requests.requireId(request.requestId(), "requestId");
        String holdId = Requests.requireId(request.holdId(), "holdId");
        Requests.requirePositive(request.amountMinor(), "amountMinor");
        if (request.dueAtEpochMillis() <= 0) {
            throw new ApiException(ErrorCode.REPAYMENT_DUE_INVALID, "dueAtEpochMillis must be a time, got "
                    + request.dueAtEpochMillis());
        }
        String hash = Requests.bodyHash(request);
        Optional<WarningStore.Due> earlier = store.due(requestId);
        if (earlier.isPresent()) {
            if (!earlier.get().bodyHash().equals(hash)) {
                throw new ApiException(ErrorCode.REQUEST_ID_REUSED, "request id " + requestId + " was used with another body");
            }
            return;
        }
        Hold hold = directory.hold(holdId).orElseThrow(() -> new ApiException(ErrorCode.HOLD_UNKNOWN, "no hold " + holdId));
        Requests.requireSameCurrency(hold.currency(), request.currency(), "hold " + holdId);
        store.insertDue(new WarningStore.Due(requestId, holdId, Instant.ofEpochMilli(request.dueAtEpochMillis()),
                request.amountMinor(), request.currency(), hash), clock.instant());
    }

    @Transactional
    public void setCap(BusinessTypeCapRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a cap is required");
        }
        String type = Requests.requireId(request.businessType(), "businessType");
        Requests.requireCurrency(request.currency());
        Requests.requireNotNegative(request.capMinor(), "capMinor");
        store.upsertCap(type, request.currency(), request.capMinor(), clock.instant());
    }

    public List<WarningView> query(WarningQuery query) {
        if (query == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a warning query is required");
        }
        if (query.fromEpochMillis() > query.toEpochMillis()) {
            throw new ApiException(ErrorCode.REPORT_PERIOD_INVALID, "the period starts at " + query.fromEpochMillis()
                    + " after it ends at " + query.toEpochMillis());
        }
        if (query.limit() < 1 || query.limit() > QUERY_MAX) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "limit must be 1.." + QUERY_MAX + ", got " + query.limit());
        }
        String customer = query.customerId() == null ? null : Requests.requireId(query.customerId(), "customerId");
        return store.query(query.kind(), customer, Instant.ofEpochMilli(query.fromEpochMillis()),
                Instant.ofEpochMilli(query.toEpochMillis()), query.limit());
    }
}
