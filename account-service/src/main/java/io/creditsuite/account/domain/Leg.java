package io.creditsuite.account.domain;

import java.util.Objects;

/**
 * One leg of a posting. Guarantees: {@code amountMinor > 0}; currency is three upper-case letters.
 */
public record Leg(long accountId, Side side, long amountMinor, String currency) {
    public Leg {
        Objects.requireNonNull(side, "side");
        if (amountMinor <= 0) {
            throw new LedgerException(LedgerError.AMOUNT_NOT_POSITIVE,
                    "the leg on account " + accountId + " has amount " + amountMinor + "; it must be > 0");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new LedgerException(LedgerError.POSTING_MALFORMED,
                    "the leg on account " + accountId + " has currency '" + currency + "'; expected ISO 4217 like CNY");
        }
    }

    /** The same leg on another account (a sub-account of a split account). */
    public Leg on(long otherAccountId) {
        return new Leg(otherAccountId, side, amountMinor, currency);
    }
}
