package io.creditsuite.api.credit;

import java.io.Serializable;

/**
 * 调整: sets a node's fixed and temporary limits. A change of either by more than the configured amount
 * waits for a second person's approval.
 */
public record AdjustLimitRequest(String requestId, String actor, String reason, long nodeId, long fixedLimitMinor,
                                 long temporaryLimitMinor, Long temporaryExpiresAtEpochMillis) implements Serializable {
}
