package io.creditsuite.approval.domain.application;

/**
 * Where a credit application is. SUBMITTED -> (checks) REJECTED | IN_REVIEW; IN_REVIEW -> IN_REVIEW (next stage or
 * sent back a stage) | MORE_INFO_REQUESTED -> IN_REVIEW | REJECTED | GRANTING -> GRANTED. REJECTED and GRANTED are
 * final.
 */
public enum ApplicationState {
    SUBMITTED,
    IN_REVIEW,
    MORE_INFO_REQUESTED,
    REJECTED,
    GRANTING,
    GRANTED;

    public boolean isFinal() {
        return this == REJECTED || this == GRANTED;
    }
}
