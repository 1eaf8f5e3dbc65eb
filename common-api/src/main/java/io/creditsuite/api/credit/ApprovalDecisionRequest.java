package io.creditsuite.api.credit;

import java.io.Serializable;

/** The checker's decision on a pending adjustment; the checker must not be its maker. */
public record ApprovalDecisionRequest(String requestId, String approvalId, String checker, boolean approve,
                                      String reason) implements Serializable {
}
