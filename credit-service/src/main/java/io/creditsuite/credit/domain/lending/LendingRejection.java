package io.creditsuite.credit.domain.lending;

/** A lending rule refused a command; the application layer maps the reason to the API's error code. */
public class LendingRejection extends RuntimeException {
    public enum Reason { LOAN_STATE_CONFLICT, REPAYMENT_EXCEEDS_OUTSTANDING, AMOUNT_INVALID }

    private final Reason reason;

    public LendingRejection(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
