package io.creditsuite.approval.domain.application;

/** Why the domain refused a reviewer's action; each maps to one published error code at the edge. */
public enum ReviewRefusal {
    /** {@link FourEyesPolicy}: the person already acted on this application. */
    FOUR_EYES,
    /** {@link ApprovedAmountBound}: more than the stage may approve, or not positive. */
    AMOUNT_OUT_OF_BOUND,
    /** A reject or send-back without a reason code. */
    REASON_CODE_REQUIRED,
    /** The application is not waiting at this stage (decided, sent back or moved on meanwhile). */
    NOT_AT_STAGE,
    /** A supplement for an application that is not waiting for more information. */
    NOT_AWAITING_INFO
}
