package io.creditsuite.reconcile.domain.discrepancy;

/** How a discrepancy was resolved. */
public enum Resolution {
    /** A later check of the same rule and fingerprint passed. */
    AUTO,
    /** A corrective booking fixed it; its voucher is linked. */
    FIXED_BY_BOOKING,
    /** The business accepted it as it is; a note says why. */
    ACCEPTED
}
