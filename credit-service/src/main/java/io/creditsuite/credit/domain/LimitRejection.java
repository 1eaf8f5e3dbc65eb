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
        LINE_EXPIRED,
        /**
         * the hold belongs to the global transaction whose TCC try opened it: only its phase two moves the frozen
         * part (or a TCC phase two names a hold no try opened, or one that no longer holds what the try froze)
         */
        HOLD_IN_GLOBAL_TRANSACTION,
        /** an amount or a balance (or a sum a rule computes from them) would not fit in a signed 64-bit integer */
        AMOUNT_OVERFLOW
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
