package io.creditsuite.credit.application;

import io.creditsuite.api.credit.AdjustLimitRequest;
import io.creditsuite.api.credit.MaintenanceOutcome;
import io.creditsuite.api.credit.MaintenanceResult;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.FlowHeader;
import io.creditsuite.credit.domain.GrantControlPolicy;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.LimitNode;
import io.creditsuite.credit.domain.LimitOperation;
import io.creditsuite.credit.domain.LimitRejection;
import io.creditsuite.credit.domain.PendingAdjustment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;

/**
 * 调整: sets a node's fixed and temporary limits. A change larger than {@code makerCheckerThresholdMinor} is not
 * applied but waits for a second person ({@link DecideApprovalHandler}).
 */
public class AdjustLimitHandler {
    private final MaintenanceSupport support;
    private final LimitDirectory directory;
    private final long makerCheckerThresholdMinor;

    public AdjustLimitHandler(MaintenanceSupport support, LimitDirectory directory, long makerCheckerThresholdMinor) {
        this.support = support;
        this.directory = directory;
        this.makerCheckerThresholdMinor = makerCheckerThresholdMinor;
    }

    @Transactional
    public MaintenanceResult handle(AdjustLimitRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "an adjustment request is required");
        }
        String requestId = Requests.requireId(request.requestId(), "requestId");
        String hash = Requests.bodyHash(request);
        Optional<MaintenanceResult> done = support.earlier(requestId, hash);
        if (done.isPresent()) {
            return done.get();
        }
        Optional<PendingAdjustment> waiting = support.store().pending(requestId);
        if (waiting.isPresent()) {
            if (!waiting.get().bodyHash().equals(hash)) {
                throw new ApiException(ErrorCode.REQUEST_ID_REUSED, "request id " + requestId + " was used with another body");
            }
            return new MaintenanceResult(requestId, MaintenanceOutcome.PENDING_APPROVAL, requestId);
        }
        String actor = Requests.requireId(request.actor(), "actor");
        String reason = Requests.requireText(request.reason(), "reason", 500);
        Requests.requireNotNegative(request.fixedLimitMinor(), "fixedLimitMinor");
        Requests.requireNotNegative(request.temporaryLimitMinor(), "temporaryLimitMinor");
        // checked before a pending approval is stored: the limit in force is fixed + temporary (both >= 0 here)
        if (request.fixedLimitMinor() > Long.MAX_VALUE - request.temporaryLimitMinor()) {
            throw new ApiException(ErrorCode.CREDIT_AMOUNT_OVERFLOW, "fixedLimitMinor + temporaryLimitMinor passes"
                    + " the largest amount a limit can hold (" + Long.MAX_VALUE + ")");
        }
        Instant expiresAt = request.temporaryExpiresAtEpochMillis() == null ? null
                : Instant.ofEpochMilli(request.temporaryExpiresAtEpochMillis());
        if (request.temporaryLimitMinor() > 0 && expiresAt == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a temporary limit needs its expiry");
        }
        LimitNode node = directory.node(request.nodeId()).orElseThrow(() -> new ApiException(
                ErrorCode.LIMIT_NODE_UNKNOWN, "no limit node " + request.nodeId()));
        long size = PendingAdjustment.size(node.balances(), request.fixedLimitMinor(), request.temporaryLimitMinor());
        if (size > makerCheckerThresholdMinor) {
            support.store().insertPending(new PendingAdjustment(requestId, node.nodeId(), node.lineId(),
                    request.fixedLimitMinor(), request.temporaryLimitMinor(), expiresAt, actor, reason, hash, "PENDING",
                    null));
            return new MaintenanceResult(requestId, MaintenanceOutcome.PENDING_APPROVAL, requestId);
        }
        apply(support, directory, requestId, hash, node.nodeId(), request.fixedLimitMinor(),
                request.temporaryLimitMinor(), expiresAt, actor, null, reason);
        return new MaintenanceResult(requestId, MaintenanceOutcome.APPLIED, null);
    }

    /**
     * Writes the ADJUST flow and its audit entry; refused (LIMIT_BELOW_EXPOSURE) below used + frozen, and
     * (GRANT_EXCEEDS_PARENT) when grant control would break ({@link GrantControlPolicy}: what a parent's GRANT children
     * carve, fixed plus temporary in force, <= the parent's limit). Like a grant, the check runs under the parent's row
     * lock, taken before the node's own lock.
     */
    static void apply(MaintenanceSupport support, LimitDirectory directory, String requestId, String hash, long nodeId,
                      long fixedMinor, long temporaryMinor, Instant expiresAt, String maker, String checker,
                      String reason) {
        requireGrantControlKept(support, directory, nodeId, fixedMinor, temporaryMinor, expiresAt);
        LimitNode node = directory.node(nodeId).orElseThrow();
        CreditLine line = directory.line(node.lineId()).orElseThrow();
        Balances before = node.balances();
        support.applyChange(requestId, hash, new LimitOperation.Adjust(nodeId, fixedMinor, temporaryMinor, expiresAt, 0),
                List.of(nodeId), new FlowHeader(line.lineId(), line.grantorId(), line.holderId(), line.currency(), 0, 0,
                        Requests.traceId(requestId)));
        support.audit(requestId, line.lineId(), "ADJUST", maker, checker,
                "node=" + nodeId + " fixed=" + before.fixedMinor() + " temporary=" + before.temporaryMinor()
                        + " expires=" + before.temporaryExpiresAt(),
                "node=" + nodeId + " fixed=" + fixedMinor + " temporary=" + temporaryMinor + " expires="
                        + (expiresAt != null ? expiresAt : before.temporaryExpiresAt()), reason, hash);
    }

    /** {@link GrantControlPolicy} kept by the adjustment, under the parent's row lock, then the node's. */
    private static void requireGrantControlKept(MaintenanceSupport support, LimitDirectory directory, long nodeId,
                                                long fixedMinor, long temporaryMinor, Instant expiresAt) {
        Instant now = support.clock().instant();
        Optional<Long> parentId = directory.grantParentOf(nodeId);
        Optional<Balances> parent = parentId.flatMap(id -> support.store().lockNode(id)); // parent first, as a grant does
        Balances self = support.store().lockNode(nodeId).orElseThrow();
        Instant expiry = expiresAt != null ? expiresAt : self.temporaryExpiresAt();
        Balances after = new Balances(fixedMinor, temporaryMinor, expiry, self.retiredMinor(), self.frozenMinor(),
                self.inTransitMinor(), self.inUseMinor());
        try {
            if (parent.isPresent()) {
                long carvedBefore = GrantControlPolicy.carvedAt(self, now);
                long carvedAfter = GrantControlPolicy.carvedAt(after, now);
                if (carvedAfter > carvedBefore) {
                    long toOthers = Math.subtractExact(directory.grantedUnder(parentId.get(), now), carvedBefore);
                    GrantControlPolicy.requireRoomFor(parentId.get(), toOthers, carvedAfter, parent.get().limitAt(now));
                }
            }
            GrantControlPolicy.requireParentCovers(nodeId, directory.grantedUnder(nodeId, now), after.limitAt(now));
        } catch (LimitRejection rejection) {
            throw Requests.toApi(rejection);
        } catch (ArithmeticException overflow) {
            throw Requests.toApi(new LimitRejection(LimitRejection.Reason.AMOUNT_OVERFLOW, "node " + nodeId
                    + ": fixed " + fixedMinor + " plus temporary " + temporaryMinor + " would exceed " + Long.MAX_VALUE));
        }
    }
}
