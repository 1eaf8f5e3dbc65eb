package io.creditsuite.credit.domain;

/**
 * A credit line's maintenance state. Only an ACTIVE line within its term takes caller operations (hold, release, use,
 * disbursement, repayment); see {@link CreditLine} for the two protocol exceptions.
 */
public enum LineStatus {
    ACTIVE,
    /** 冻结: frozen as a whole by maintenance. */
    FROZEN,
    /** 清零: cleared; its available limit was taken to zero and can be restored. */
    CLEARED
}
