package io.creditsuite.credit.domain;

/** A rule about money refused a change. Nothing of the refused flow is written. */
public final class LimitRejection extends RuntimeException {
    public enum Reason {
        /** used + frozen would exceed the limit of a node on the path. */
        LIMIT_INSUFFICIENT,
        /** a balance would go negative (e.g. unfreezing more than is frozen). */
        BALANCE_NEGATIVE,
        USE_EXCEEDS_HOLD,
        DISBURSE_EXCEEDS_IN_TRANSIT,
        RETURN_EXCEEDS_USED,
        HOLD_EXPIRED,
        LIMIT_BELOW_EXPOSURE,
        GRANT_EXCEEDS_PARENT,
        AMOUNT_INVALID,
        LINE_FROZEN,
        LINE_CLEARED,
        LINE_EXPIRED
    }

    private final Reason reason;

    public LimitRejection(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
