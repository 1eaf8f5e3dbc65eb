package io.creditsuite.credit.application;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.AuditEntry;
import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.MaintenanceStore;
import java.time.Instant;

/**
 * The line audit log's row for an operator change of one node's balances (a replay correction, an import of
 * historical flows), next to the maintenance changes, so that {@code auditLog(lineId)} lists every change of a line.
 * Its request id is {@code <kind>:<request id>:<node id>} (at most 8 + 64 + 1 + 19 characters, the column's 96).
 */
final class NodeAudit {
    private NodeAudit() {
    }

    static String requestId(String kind, String requestId, long nodeId) {
        return kind + ":" + requestId + ":" + nodeId;
    }

    /** Writes the row in the caller's transaction; a row already there means the same request is being applied. */
    static void record(MaintenanceStore store, String kind, String action, String requestId, long nodeId, String lineId,
                       String actor, Instant at, Balances before, Balances after, String reason, String bodyHash) {
        if (!store.insertAudit(new AuditEntry(requestId(kind, requestId, nodeId), lineId, action, actor, null, at,
                "node " + nodeId + ": " + before.describe(), "node " + nodeId + ": " + after.describe(), reason, bodyHash))) {
            throw new ApiException(ErrorCode.REQUEST_IN_PROGRESS, kind + " " + requestId + " is being applied");
        }
    }
}
