/**
 * Credit approvals (信审): a partner's or an internal caller's credit application, its automatic checks
 * (blacklist, risk rules, scorecard), its review chain (first review 初审 -> final review 终审 -> recheck 复核) and
 * the line it is granted in credit-service.
 *
 * <p>Statuses: SUBMITTED -> (checks) -> REJECTED | IN_REVIEW; IN_REVIEW -> MORE_INFO_REQUESTED -> IN_REVIEW;
 * IN_REVIEW -> REJECTED | GRANTING -> GRANTED. The amount a stage approves never exceeds what the previous stage
 * approved (the first review's bound is the requested amount).
 */
package io.creditsuite.api.approval;
