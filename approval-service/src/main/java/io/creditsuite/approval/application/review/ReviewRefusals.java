package io.creditsuite.approval.application.review;

import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.domain.application.ReviewRefusal;

/** The published error code of each refusal of the domain. */
final class ReviewRefusals {
    private ReviewRefusals() {
    }

    static ErrorCode errorCode(ReviewRefusal refusal) {
        return switch (refusal) {
            case FOUR_EYES -> ErrorCode.FOUR_EYES_VIOLATION;
            case AMOUNT_OUT_OF_BOUND -> ErrorCode.APPROVED_AMOUNT_RAISED;
            case REASON_CODE_REQUIRED -> ErrorCode.REASON_CODE_REQUIRED;
            case NOT_AT_STAGE -> ErrorCode.APPLICATION_NOT_IN_REVIEW;
            case NOT_AWAITING_INFO -> ErrorCode.APPLICATION_NOT_AWAITING_INFO;
        };
    }
}
