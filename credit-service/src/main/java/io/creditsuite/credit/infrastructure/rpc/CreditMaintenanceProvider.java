package io.creditsuite.credit.infrastructure.rpc;

import io.creditsuite.api.credit.AdjustLimitRequest;
import io.creditsuite.api.credit.ApprovalDecisionRequest;
import io.creditsuite.api.credit.AuditEntryView;
import io.creditsuite.api.credit.ChangeRateRequest;
import io.creditsuite.api.credit.CreditMaintenanceService;
import io.creditsuite.api.credit.GrantLineRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LineActionRequest;
import io.creditsuite.api.credit.MaintenanceResult;
import io.creditsuite.api.credit.RegisterCustomerRequest;
import io.creditsuite.api.credit.RenewTermRequest;
import io.creditsuite.credit.application.AdjustLimitHandler;
import io.creditsuite.credit.application.AuditLogQueryHandler;
import io.creditsuite.credit.application.ChangeRateHandler;
import io.creditsuite.credit.application.DecideApprovalHandler;
import io.creditsuite.credit.application.GrantLineHandler;
import io.creditsuite.credit.application.LineStateHandler;
import io.creditsuite.credit.application.RegisterCustomerHandler;
import io.creditsuite.credit.application.RenewTermHandler;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
public class CreditMaintenanceProvider implements CreditMaintenanceService {
    private final RegisterCustomerHandler customers;
    private final GrantLineHandler grant;
    private final AdjustLimitHandler adjust;
    private final DecideApprovalHandler decide;
    private final LineStateHandler lineState;
    private final ChangeRateHandler rate;
    private final RenewTermHandler renew;
    private final AuditLogQueryHandler auditLog;

    public CreditMaintenanceProvider(RegisterCustomerHandler customers, GrantLineHandler grant, AdjustLimitHandler adjust,
                                     DecideApprovalHandler decide, LineStateHandler lineState, ChangeRateHandler rate,
                                     RenewTermHandler renew, AuditLogQueryHandler auditLog) {
        this.customers = customers;
        this.grant = grant;
        this.adjust = adjust;
        this.decide = decide;
        this.lineState = lineState;
        this.rate = rate;
        this.renew = renew;
        this.auditLog = auditLog;
    }

    @Override
    public void registerCustomer(RegisterCustomerRequest request) {
        customers.handle(request);
    }

    @Override
    public GrantLineResult grantLine(GrantLineRequest request) {
        return grant.handle(request);
    }

    @Override
    public MaintenanceResult adjustLimit(AdjustLimitRequest request) {
        return adjust.handle(request);
    }

    @Override
    public MaintenanceResult decideApproval(ApprovalDecisionRequest request) {
        return decide.handle(request);
    }

    @Override
    public MaintenanceResult changeLineState(LineActionRequest request) {
        return lineState.handle(request);
    }

    @Override
    public MaintenanceResult changeRate(ChangeRateRequest request) {
        return rate.handle(request);
    }

    @Override
    public MaintenanceResult renewTerm(RenewTermRequest request) {
        return renew.handle(request);
    }

    @Override
    public List<AuditEntryView> auditLog(String lineId) {
        return auditLog.handle(lineId);
    }
}
