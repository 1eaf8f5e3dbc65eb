package io.creditsuite.approval.domain.application;

/** A reviewer's action the domain refused; nothing changed. */
public final class ReviewRefusedException extends RuntimeException {
    private final ReviewRefusal refusal;

    public ReviewRefusedException(ReviewRefusal refusal, String detail) {
        super(detail);
        this.refusal = refusal;
    }

    public ReviewRefusal refusal() {
        return refusal;
    }
}
