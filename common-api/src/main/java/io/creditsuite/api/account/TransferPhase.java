package io.creditsuite.api.account;

/** Where a TCC transfer branch stands. */
public enum TransferPhase {
    /** try ran: the amount is frozen (OUT) or in transit (IN) */
    TRIED,
    /** confirm ran: posted, with journal entries */
    CONFIRMED,
    /** cancel ran: released; the record stays */
    CANCELLED
}
