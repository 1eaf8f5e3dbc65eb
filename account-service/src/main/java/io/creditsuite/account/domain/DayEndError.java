package io.creditsuite.account.domain;

/** Why the day-end cutover or an end-of-day read was refused. */
public enum DayEndError {
    /** The requested date is not the accounting date in force. */
    DATE_NOT_NEXT,
    /** An earlier cutover stopped midway and must be rerun first. */
    PREVIOUS_INCOMPLETE,
    /** No end-of-day balance for that account and date. */
    BALANCE_NOT_FOUND
}
