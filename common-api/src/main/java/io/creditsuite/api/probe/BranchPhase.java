package io.creditsuite.api.probe;

/** A participant's business record of one TCC probe branch. */
public enum BranchPhase {
    /** No business record: the try never ran its effect (or was refused). */
    NONE,
    TRIED,
    CONFIRMED,
    CANCELLED,
    /** The try arrived after its branch had been cancelled and was refused by the fence. */
    TRY_REFUSED
}
