package io.creditsuite.api.lending;

public enum LoanStatus {
    /** the global transaction is running */
    PENDING,
    /** committed: the limit is in transit, the ledger is paying out */
    DISBURSING,
    /** paid out: the limit is in use */
    ACTIVE,
    /** principal outstanding is zero */
    REPAID,
    /** the global transaction rolled back; nothing is frozen */
    REFUSED
}
