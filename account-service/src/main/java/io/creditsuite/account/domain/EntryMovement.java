package io.creditsuite.account.domain;

/**
 * What a journal entry does to the sub-balances of its account. Every change of a sub-balance is one chained entry,
 * so the chain states the sub-balances after each entry and the verifier can replay them.
 *
 * <p>Guarantees, with {@code s = signedEffect(side, amount)} (+amount on the account's normal side, else -amount):
 * <pre>
 *   POSTING            available += s                                   balance += s   (an ordinary leg, a fold)
 *   SETTLE_FROZEN      frozen    -= amount            (s &lt; 0)           balance += s   (TCC confirm of an outflow)
 *   SETTLE_IN_TRANSIT  inTransit -= amount, available += amount  (s &gt; 0) balance += s   (TCC confirm of an inflow)
 *   FREEZE             available -= amount, frozen += amount             balance unchanged (TCC try of an outflow)
 *   UNFREEZE           frozen -= amount, available += amount             balance unchanged (TCC cancel of an outflow)
 *   PROMISE_INFLOW     inTransit += amount                               balance unchanged (TCC try of an inflow)
 *   WITHDRAW_PROMISE   inTransit -= amount                               balance unchanged (TCC cancel of an inflow)
 * </pre>
 * The four balance-neutral movements are chained records, not ledger postings: they have no contra leg and
 * {@code balanceAfter = balanceBefore}.
 */
public enum EntryMovement {
    POSTING, SETTLE_FROZEN, SETTLE_IN_TRANSIT, FREEZE, UNFREEZE, PROMISE_INFLOW, WITHDRAW_PROMISE;

    /** Whether the entry moves the balance by its signed amount (else the balance stays). */
    public boolean changesBalance() {
        return this == POSTING || this == SETTLE_FROZEN || this == SETTLE_IN_TRANSIT;
    }

    /** The sub-balances after an entry of this movement, from those before it. */
    public SubBalances after(SubBalances before, long signedEffect, long amountMinor) {
        return before.plus(availableDelta(signedEffect, amountMinor), frozenDelta(amountMinor), inTransitDelta(amountMinor));
    }

    /** The sub-balances before an entry of this movement, from those after it. */
    public SubBalances before(SubBalances after, long signedEffect, long amountMinor) {
        return after.minus(availableDelta(signedEffect, amountMinor), frozenDelta(amountMinor), inTransitDelta(amountMinor));
    }

    /** Whether the sign of the entry's effect fits the movement (a settle of frozen money lowers the balance...). */
    public boolean allows(long signedEffect) {
        return switch (this) {
            case SETTLE_FROZEN -> signedEffect < 0;
            case SETTLE_IN_TRANSIT -> signedEffect > 0;
            default -> true;
        };
    }

    private long availableDelta(long signedEffect, long amount) {
        return switch (this) {
            case POSTING -> signedEffect;
            case SETTLE_IN_TRANSIT, UNFREEZE -> amount;
            case FREEZE -> Math.negateExact(amount);
            case SETTLE_FROZEN, PROMISE_INFLOW, WITHDRAW_PROMISE -> 0;
        };
    }

    private long frozenDelta(long amount) {
        return switch (this) {
            case FREEZE -> amount;
            case SETTLE_FROZEN, UNFREEZE -> Math.negateExact(amount);
            default -> 0;
        };
    }

    private long inTransitDelta(long amount) {
        return switch (this) {
            case PROMISE_INFLOW -> amount;
            case SETTLE_IN_TRANSIT, WITHDRAW_PROMISE -> Math.negateExact(amount);
            default -> 0;
        };
    }
}
