package io.creditsuite.credit.application;

import io.creditsuite.api.credit.CorrectionRequest;
import io.creditsuite.api.credit.CorrectionResult;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.BalanceDifference;
import io.creditsuite.credit.domain.FlowLog;
import io.creditsuite.credit.domain.LimitRejection;
import io.creditsuite.credit.domain.MaintenanceStore;
import io.creditsuite.credit.domain.RunningReplay;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.transaction.annotation.Transactional;

/**
 * 修正: sets the named nodes' stored balances to what their flows give. The flow log is the truth and stays as it
 * is: after the correction, replaying it reproduces these nodes exactly. Under the nodes' locks their flows cannot
 * move, so the replay it compares with is exact. Each changed node gets its detailed record (all seven balances
 * before and after) and, like every other maintenance change, a row in the line audit log ({@code credit_audit}:
 * who, when, before, after, why; action {@value #AUDIT_ACTION}, request id {@code correct:<request id>:<node id>}:
 * {@link NodeAudit}), so an auditor finds every change of a line in one place. A retry with the same request id
 * returns the first result.
 */
public class CorrectBalancesHandler {
    static final int MAX_NODES = 1000;
    public static final String AUDIT_ACTION = "CORRECT_BALANCES";

    private final FlowLog log;
    private final MaintenanceStore audit;
    private final Clock clock;

    public CorrectBalancesHandler(FlowLog log, MaintenanceStore audit, Clock clock) {
        this.log = log;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CorrectionResult handle(CorrectionRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a correction request is required");
        }
        String requestId = Requests.requireId(request.requestId(), "requestId");
        String actor = Requests.requireId(request.actor(), "actor");
        String reason = Requests.requireText(request.reason(), "reason", 500);
        if (request.nodeIds() == null || request.nodeIds().isEmpty() || request.nodeIds().size() > MAX_NODES
                || request.nodeIds().stream().anyMatch(id -> id == null)) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "nodeIds must name 1.." + MAX_NODES + " nodes");
        }
        String hash = Requests.bodyHash(request);
        List<FlowLog.Correction> earlier = log.corrections(requestId);
        if (!earlier.isEmpty()) {
            if (!earlier.get(0).bodyHash().equals(hash)) {
                throw new ApiException(ErrorCode.REQUEST_ID_REUSED, "request id " + requestId + " was used with another body");
            }
            return new CorrectionResult(requestId, earlier.stream().map(c -> ReplayDifferences.view(
                    new BalanceDifference(c.nodeId(), c.lineId(), c.before(), c.after()))).toList());
        }
        TreeSet<Long> nodeIds = new TreeSet<>(request.nodeIds());
        Map<Long, FlowLog.StoredNode> locked = log.lockNodes(nodeIds);
        for (long nodeId : nodeIds) {
            if (!locked.containsKey(nodeId)) {
                throw new ApiException(ErrorCode.LIMIT_NODE_UNKNOWN, "no limit node " + nodeId);
            }
        }
        RunningReplay replay = new RunningReplay();
        try {
            log.streamNodes(nodeIds, replay::accept);
        } catch (LimitRejection broken) {
            throw new ApiException(ErrorCode.REPLAY_LOG_INVALID, broken.getMessage());
        }
        Instant now = clock.instant();
        List<BalanceDifference> corrected = new ArrayList<>();
        for (long nodeId : nodeIds) {
            FlowLog.StoredNode node = locked.get(nodeId);
            BalanceDifference difference = BalanceDifference.of(nodeId, node.lineId(), node.balances(), replay.of(nodeId));
            if (difference == null) {
                continue;
            }
            log.setBalances(nodeId, difference.replayed());
            if (!log.insertCorrection(new FlowLog.Correction(requestId, nodeId, node.lineId(), actor, reason, now,
                    difference.stored(), difference.replayed(), hash))) {
                throw new ApiException(ErrorCode.REQUEST_IN_PROGRESS, "correction " + requestId + " is being applied");
            }
            NodeAudit.record(audit, "correct", AUDIT_ACTION, requestId, nodeId, node.lineId(), actor, now,
                    difference.stored(), difference.replayed(), reason, hash);
            corrected.add(difference);
        }
        return new CorrectionResult(requestId, corrected.stream().map(ReplayDifferences::view).toList());
    }
}
