package io.creditsuite.approval.domain.application;

/** What a reviewer does with a task. */
public enum ReviewDecision {
    /** Approve, possibly lowering the amount (never above what the previous stage approved). */
    APPROVE,
    /** Reject with a reason code; final. */
    REJECT,
    /** Send back for more information with a reason code: to the previous stage, or from first review to the partner. */
    SEND_BACK
}
