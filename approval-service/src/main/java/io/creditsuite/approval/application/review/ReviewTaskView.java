package io.creditsuite.approval.application.review;

import java.time.Instant;

/**
 * An open review task as a queue shows it.
 *
 * @param stage          FIRST_REVIEW, FINAL_REVIEW or RECHECK
 * @param assignee       the user holding it, or null while it waits in the group queue
 * @param boundMinor     the most this stage may approve (the previous stage's approved amount, or the request)
 * @param slaState       PENDING, MET or VIOLATED
 */
public record ReviewTaskView(String taskId, String applicationId, String stage, String applicantName,
                             String productLine, String currency, long requestedMinor, long boundMinor,
                             String assignee, Instant createdAt, Instant slaDueAt, String slaState) {
}
