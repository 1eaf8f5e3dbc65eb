package io.creditsuite.api.lending;

/** ACCEPTED: the global transaction committed and the loan is DISBURSING or ACTIVE; REFUSED: it rolled back. */
public enum DrawdownOutcome { ACCEPTED, REFUSED }
