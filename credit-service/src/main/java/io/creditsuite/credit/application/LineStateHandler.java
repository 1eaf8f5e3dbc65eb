package io.creditsuite.credit.application;

import io.creditsuite.api.credit.LineActionRequest;
import io.creditsuite.api.credit.MaintenanceOutcome;
import io.creditsuite.api.credit.MaintenanceResult;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.CreditEvents;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.FlowHeader;
import io.creditsuite.credit.domain.FlowType;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.LimitNode;
import io.creditsuite.credit.domain.LimitOperation;
import io.creditsuite.credit.domain.LineStatus;
import io.creditsuite.credit.domain.NodeDelta;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whole-line maintenance. Freeze/unfreeze only change the status (every caller operation is refused
 * while frozen). Clear takes every node's available limit to zero by a CLEAR flow and marks the line; restore
 * reverses exactly that flow's entries.
 */
public class LineStateHandler {
    private final MaintenanceSupport support;
    private final LimitDirectory directory;
    private final CreditEvents events;

    public LineStateHandler(MaintenanceSupport support, LimitDirectory directory, CreditEvents events) {
        this.support = support;
        this.directory = directory;
        this.events = events;
    }

    @Transactional
    public MaintenanceResult handle(LineActionRequest request) {
        if (request == null || request.action() == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a line action is required");
        }
        var change = MaintenanceSupport.lineChange(request, request.requestId(), request.actor(), request.reason(),
                request.lineId());
        var done = support.earlier(change.requestId(), change.bodyHash());
        if (done.isPresent()) {
            return done.get();
        }
        String requestId = change.requestId();
        String hash = change.bodyHash();
        String lineId = change.lineId();
        CreditLine line = directory.line(lineId).orElseThrow(() -> new ApiException(ErrorCode.CREDIT_LINE_UNKNOWN,
                "no credit line " + lineId));
        LineStatus from = switch (request.action()) {
            case FREEZE, CLEAR -> LineStatus.ACTIVE;
            case UNFREEZE -> LineStatus.FROZEN;
            case RESTORE -> LineStatus.CLEARED;
        };
        LineStatus to = switch (request.action()) {
            case FREEZE -> LineStatus.FROZEN;
            case CLEAR -> LineStatus.CLEARED;
            case UNFREEZE, RESTORE -> LineStatus.ACTIVE;
        };
        String clearRequestId = request.action() == io.creditsuite.api.credit.LineAction.CLEAR ? requestId : null;
        // the UPDATE takes the line's row lock (first, before any node: the one lock order) and holds it to the
        // commit; the change writer reads the status under a shared lock on the same row, so every caller operation
        // the change lets through committed before it, and none is written after it
        if (!support.store().updateLineStatus(lineId, from, to, clearRequestId)) {
            throw new ApiException(ErrorCode.LINE_STATE_CONFLICT, request.action() + " needs line " + lineId + " to be "
                    + from + "; it is " + directory.line(lineId).map(CreditLine::status).orElse(null));
        }
        directory.lineChanged(lineId);
        events.lineStatusChanged(line, from, to, requestId, Requests.traceId(requestId));
        FlowHeader header = new FlowHeader(lineId, line.grantorId(), line.holderId(), line.currency(), 0, 0,
                Requests.traceId(requestId));
        List<Long> nodeIds = directory.nodesOfLines(List.of(lineId)).stream().map(LimitNode::nodeId).toList();
        switch (request.action()) {
            case CLEAR -> support.applyChange(requestId, hash, new LimitOperation.Clear(nodeIds, 0), nodeIds, header);
            case RESTORE -> {
                List<NodeDelta> reversed = directory.entriesOf(line.clearRequestId()).stream().map(NodeDelta::negated)
                        .toList();
                support.applyChange(requestId, hash, new LimitOperation.Deltas(FlowType.RESTORE, reversed, 0),
                        reversed.stream().map(NodeDelta::nodeId).toList(), header);
            }
            default -> {
            }
        }
        CreditLine after = directory.line(lineId).orElseThrow();
        support.audit(requestId, lineId, request.action().name(), change.actor(), null, line.describe(), after.describe(),
                change.reason(), hash);
        directory.lineChanged(lineId);
        return new MaintenanceResult(requestId, MaintenanceOutcome.APPLIED, null);
    }
}
