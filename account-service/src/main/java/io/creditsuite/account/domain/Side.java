package io.creditsuite.account.domain;

/** The side of a leg: 借 debit or 贷 credit. */
public enum Side {
    DEBIT, CREDIT;

    public Side opposite() {
        return this == DEBIT ? CREDIT : DEBIT;
    }
}
