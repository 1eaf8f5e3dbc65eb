package io.creditsuite.credit.domain.lending;

/** Why a drawdown's global transaction rolled back (the API's {@code DrawdownRefusal}, by name). */
public enum RefusalReason {
    LIMIT_INSUFFICIENT,
    LINE_FROZEN,
    LINE_EXPIRED,
    LINE_CLEARED,
    FUNDING_INSUFFICIENT,
    FUNDING_ACCOUNT_FROZEN,
    LOAN_ACCOUNT_FROZEN,
    /** a service or the Seata TC did not answer, or answered something no other reason covers */
    UNAVAILABLE
}
