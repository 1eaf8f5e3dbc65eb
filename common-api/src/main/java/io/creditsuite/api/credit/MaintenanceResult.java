package io.creditsuite.api.credit;

import java.io.Serializable;

/** {@code approvalId} is set when the change waits for approval (PENDING_APPROVAL). */
public record MaintenanceResult(String requestId, MaintenanceOutcome outcome, String approvalId)
        implements Serializable {
}
