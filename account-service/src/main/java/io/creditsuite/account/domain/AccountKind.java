package io.creditsuite.account.domain;

/** An account's place in the books; it fixes the side that raises its balance. */
public enum AccountKind {
    ASSET(Side.DEBIT), LIABILITY(Side.CREDIT), INCOME(Side.CREDIT), EXPENSE(Side.DEBIT);

    private final Side normalSide;

    AccountKind(Side normalSide) {
        this.normalSide = normalSide;
    }

    /** A leg on this side raises the balance; on the other side it lowers it. */
    public Side normalSide() {
        return normalSide;
    }
}
