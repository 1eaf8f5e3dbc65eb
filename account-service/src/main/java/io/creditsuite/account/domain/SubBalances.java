package io.creditsuite.account.domain;

/**
 * The sub-balances (账户余额) of an account after a journal entry.
 *
 * <p>Guarantees: {@code balance = available + frozen} (Math.addExact); {@code inTransit} is inflow a TCC try
 * promised and is not yet money of the account, so it is not in the balance.
 */
public record SubBalances(long availableMinor, long frozenMinor, long inTransitMinor) {
    public static final SubBalances ZERO = new SubBalances(0, 0, 0);

    public long balanceMinor() {
        return Math.addExact(availableMinor, frozenMinor);
    }

    SubBalances plus(long availableDelta, long frozenDelta, long inTransitDelta) {
        return new SubBalances(Math.addExact(availableMinor, availableDelta), Math.addExact(frozenMinor, frozenDelta),
                Math.addExact(inTransitMinor, inTransitDelta));
    }

    SubBalances minus(long availableDelta, long frozenDelta, long inTransitDelta) {
        return plus(Math.negateExact(availableDelta), Math.negateExact(frozenDelta), Math.negateExact(inTransitDelta));
    }
}
