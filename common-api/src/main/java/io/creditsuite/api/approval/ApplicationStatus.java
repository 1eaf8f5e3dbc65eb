package io.creditsuite.api.approval;

/** Where a credit application is. GRANTED and REJECTED are final. */
public enum ApplicationStatus {
    /** Received; automatic checks not finished yet. */
    SUBMITTED,
    /** In the review chain (dispatch, first review, final review or recheck). */
    IN_REVIEW,
    /** Sent back to the applicant for more information; the partner supplements it and the chain resumes. */
    MORE_INFO_REQUESTED,
    /** Rejected by the automatic checks or by a reviewer; the reason code says which. */
    REJECTED,
    /** Approved at recheck; the line is being granted in credit-service (retried until done). */
    GRANTING,
    /** The line is granted in credit-service. */
    GRANTED
}
