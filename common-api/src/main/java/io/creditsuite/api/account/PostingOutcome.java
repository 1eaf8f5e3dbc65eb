package io.creditsuite.api.account;

/** The business outcome of a posting request (bad input is an ApiException instead). */
public enum PostingOutcome {
    /** every leg is in the journal (or, on a summary-posted account, in its detail rows) */
    POSTED,
    /** buffered: accepted into the queue, applied asynchronously */
    ACCEPTED,
    /** an account would go below zero, its overdraft allowance or its watermark floor: nothing written */
    INSUFFICIENT_BALANCE
}
