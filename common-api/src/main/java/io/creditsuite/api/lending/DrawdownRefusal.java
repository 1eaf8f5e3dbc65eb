package io.creditsuite.api.lending;

/** Why a drawdown's global transaction rolled back; the result's detail names the node or account. */
public enum DrawdownRefusal {
    LIMIT_INSUFFICIENT,
    LINE_FROZEN,
    LINE_EXPIRED,
    LINE_CLEARED,
    FUNDING_INSUFFICIENT,
    FUNDING_ACCOUNT_FROZEN,
    LOAN_ACCOUNT_FROZEN,
    /** a service or the Seata TC did not answer; the transaction rolled back and may be retried with a new request id */
    UNAVAILABLE
}
