package io.creditsuite.approval.infrastructure.credit;

import io.creditsuite.api.credit.BusinessTypeGrant;
import io.creditsuite.api.credit.CreditMaintenanceService;
import io.creditsuite.api.credit.GrantLineRequest;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.credit.ProductGrant;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.application.grant.CreditLines;
import io.creditsuite.approval.domain.application.ApplicationFacts;
import io.creditsuite.approval.domain.application.ApplicationRecord;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Grants an approved application's line in credit-service ({@code CreditMaintenanceService.grantLine}): line
 * {@code LN-<applicationId>} of the customer, revolving, for the term applied for from the submission, the amount recheck
 * approved on the line, on one business type named after the product line and on each product. Request id
 * {@code approval-grant:<applicationId>}: credit-service answers a repeat with the same line.
 */
public class DubboCreditLines implements CreditLines {
    private final CreditMaintenanceService maintenance;
    private final String rate;

    /** @param rate the annual rate of granted lines until pricing is part of the application, e.g. "0.0435" */
    public DubboCreditLines(CreditMaintenanceService maintenance, String rate) {
        this.maintenance = maintenance;
        this.rate = rate;
    }

    @Override
    public String grant(ApplicationRecord approved) {
        ApplicationFacts f = approved.application().facts();
        long amount = approved.application().grantMinor();
        // the same request on every retry (credit-service replays a request id only with the same body)
        Instant start = approved.submittedAt();
        Instant end = start.atOffset(ZoneOffset.UTC).plusMonths(f.termMonths()).toInstant();
        GrantLineRequest request = new GrantLineRequest("approval-grant:" + f.applicationId(), "approval-service",
                "credit application " + f.applicationId() + " approved", lineId(f.applicationId()), f.customerId(),
                f.customerId(), LimitType.valueOf(approved.limitType()), f.currency(), f.customerId(),
                start.toEpochMilli(), end.toEpochMilli(), true, rate, amount, 0, null, null,
                java.util.List.of(new BusinessTypeGrant(f.productLine(), amount, f.productIds().stream()
                        .map(p -> new ProductGrant(p, amount)).toList())));
        try {
            return maintenance.grantLine(request).lineId();
        } catch (ApiException e) {
            if (isBusinessRefusal(e.errorCode())) {
                throw new Refused(e.errorCode().code(), e.detail() == null ? e.errorCode().message() : e.detail());
            }
            throw e;
        }
    }

    /** A 4xx answer is final, except "still in progress" and "rate limited", which a later try may pass. */
    static boolean isBusinessRefusal(ErrorCode code) {
        return code.httpStatus() >= 400 && code.httpStatus() < 500 && code != ErrorCode.REQUEST_IN_PROGRESS
                && code != ErrorCode.RATE_LIMITED;
    }

    static String lineId(String applicationId) {
        return "LN-" + applicationId;
    }
}
