package io.creditsuite.approval.application.review;

import io.creditsuite.approval.domain.application.ReviewDecision;

/**
 * A reviewer's action on the task they hold.
 *
 * @param approvedMinor required for APPROVE (&gt; 0, &lt;= the previous stage's approved amount), else null
 * @param reasonCode    required for REJECT and SEND_BACK, e.g. "INCOME_UNVERIFIED"
 * @param comment       free text kept in the application's history (up to 2000 characters)
 */
public record ReviewActionCommand(String taskId, ReviewDecision decision, Long approvedMinor, String reasonCode,
                                  String comment) {
}
