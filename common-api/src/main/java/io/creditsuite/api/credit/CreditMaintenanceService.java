package io.creditsuite.api.credit;

import io.creditsuite.api.error.ApiException;
import java.util.List;

/** Customers, line grants and audited maintenance (维护); every change is in the line's audit log. */
public interface CreditMaintenanceService {
    void registerCustomer(RegisterCustomerRequest request) throws ApiException;

    GrantLineResult grantLine(GrantLineRequest request) throws ApiException;

    MaintenanceResult adjustLimit(AdjustLimitRequest request) throws ApiException;

    MaintenanceResult decideApproval(ApprovalDecisionRequest request) throws ApiException;

    MaintenanceResult changeLineState(LineActionRequest request) throws ApiException;

    MaintenanceResult changeRate(ChangeRateRequest request) throws ApiException;

    /** Extends a line's term (an expired line takes operations again once renewed); audited as RENEW_TERM. */
    MaintenanceResult renewTerm(RenewTermRequest request) throws ApiException;

    List<AuditEntryView> auditLog(String lineId) throws ApiException;
}
