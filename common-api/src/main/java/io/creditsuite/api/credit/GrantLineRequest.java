package io.creditsuite.api.credit;

import java.io.Serializable;
import java.util.List;

/**
 * Grants a line (the entry point the approval flow calls once a credit application is approved).
 *
 * @param parentNodeId the shared node this line's limit-type node hangs under, or null: for a vendor
 *                     credit-sale line, the upstream's guarantee node (its uses occupy it); for a self-use line,
 *                     the general or special limit its grant is controlled against
 * @param rate         annual rate as a decimal string, e.g. "0.0435"
 * @param temporaryExpiresAtEpochMillis null when {@code temporaryLimitMinor} is 0
 */
public record GrantLineRequest(String requestId, String actor, String reason, String lineId, String grantorId,
                               String holderId, LimitType limitType, String currency, String subjectId,
                               long termStartEpochMillis, long termEndEpochMillis, boolean revolving, String rate,
                               long fixedLimitMinor, long temporaryLimitMinor, Long temporaryExpiresAtEpochMillis,
                               Long parentNodeId, List<BusinessTypeGrant> businessTypes) implements Serializable {
}
