package io.creditsuite.reconcile.domain.check;

/** Where a pair of one rule and key stands. */
public enum PairState {
    /** One side seen, the other may still come within the window. */
    WAITING,
    /** Both sides seen and the match holds. */
    MATCHED,
    /** Both sides seen and the match does not hold: a discrepancy. */
    MISMATCHED,
    /** The window passed, the source of truth does not have the other side either: a discrepancy. */
    MISSING
}
