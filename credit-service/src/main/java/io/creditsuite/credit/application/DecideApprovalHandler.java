package io.creditsuite.credit.application;

import io.creditsuite.api.credit.ApprovalDecisionRequest;
import io.creditsuite.api.credit.MaintenanceOutcome;
import io.creditsuite.api.credit.MaintenanceResult;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.PendingAdjustment;
import org.springframework.transaction.annotation.Transactional;

/** The checker's side of maker-checker: a second person approves (applies) or rejects a pending adjustment, once. */
public class DecideApprovalHandler {
    private final MaintenanceSupport support;
    private final LimitDirectory directory;

    public DecideApprovalHandler(MaintenanceSupport support, LimitDirectory directory) {
        this.support = support;
        this.directory = directory;
    }

    @Transactional
    public MaintenanceResult handle(ApprovalDecisionRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a decision is required");
        }
        String requestId = Requests.requireId(request.requestId(), "requestId");
        String approvalId = Requests.requireId(request.approvalId(), "approvalId");
        String checker = Requests.requireId(request.checker(), "checker");
        String reason = Requests.requireText(request.reason(), "reason", 500);
        String hash = Requests.bodyHash(request);
        var done = support.earlier(requestId, hash);
        if (done.isPresent()) {
            return outcome(requestId, request.approve());
        }
        PendingAdjustment pending = support.store().pending(approvalId).orElseThrow(() -> new ApiException(
                ErrorCode.APPROVAL_UNKNOWN, "no approval " + approvalId));
        if (pending.maker().equals(checker)) {
            throw new ApiException(ErrorCode.MAKER_CANNOT_CHECK, checker + " made adjustment " + approvalId
                    + " and cannot approve it");
        }
        if (!support.store().decide(approvalId, request.approve() ? "APPROVED" : "REJECTED", checker, requestId)) {
            throw new ApiException(ErrorCode.APPROVAL_DECIDED, "approval " + approvalId + " was already decided");
        }
        if (request.approve()) {
            AdjustLimitHandler.apply(support, directory, requestId, hash, pending.nodeId(), pending.fixedMinor(),
                    pending.temporaryMinor(), pending.temporaryExpiresAt(), pending.maker(), checker,
                    pending.reason() + " / approved: " + reason);
        } else {
            support.audit(requestId, pending.lineId(), "REJECT_ADJUST", pending.maker(), checker,
                    "node=" + pending.nodeId(), "unchanged (proposed fixed=" + pending.fixedMinor() + " temporary="
                            + pending.temporaryMinor() + ")", reason, hash);
        }
        return outcome(requestId, request.approve());
    }

    private static MaintenanceResult outcome(String requestId, boolean approve) {
        return new MaintenanceResult(requestId, approve ? MaintenanceOutcome.APPLIED : MaintenanceOutcome.REJECTED, null);
    }
}
