package io.creditsuite.api.probe;

/**
 * A participant's business record of one TCC probe branch. It moves only along
 * {@code NONE -> TRIED -> CONFIRMED | CANCELLED} or {@code NONE -> TRY_REFUSED}.
 */
public enum BranchPhase {
    /**
     * No business effect: the try has not reached this participant, or it arrived and its local
     * transaction rolled back (a failed try), or it is still held.
     */
    NONE,
    TRIED,
    CONFIRMED,
    CANCELLED,
    /** The try arrived after its branch had been cancelled and was refused by the fence. */
    TRY_REFUSED
}
