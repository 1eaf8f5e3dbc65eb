package io.creditsuite.account.domain;

import java.time.LocalDate;

/**
 * An account's balance (available + frozen, what journal entries chain) at the end of a closed date.
 *
 * <p>Guarantees:
 * <pre>
 *   flow(d)            = sum over entries e of the account with accounting_date = d of (e.balance_after - e.balance_before)
 *   balance(d)         = balance(p) + sum of flow(x) for p < x <= d   (p = the previous closed date; 0 and all x <= d for the first)
 *   therefore balance(d) = sum of the deltas of every entry dated <= d (the chain starts at 0)
 * </pre>
 *
 * @param flowMinor the signed change since the previous closed date
 * @param entries   how many journal entries that change sums
 */
public record EndOfDayBalance(long accountId, LocalDate accountingDate, String currency, long balanceMinor,
                              long flowMinor, long entries) {

    /** Closes one account's day: the previous end-of-day balance (0 if none) plus the flows since. */
    public static EndOfDayBalance close(long accountId, LocalDate date, String currency, long previousBalanceMinor,
                                        long flowMinor, long entries) {
        try {
            return new EndOfDayBalance(accountId, date, currency, Math.addExact(previousBalanceMinor, flowMinor),
                    flowMinor, entries);
        } catch (ArithmeticException e) {
            throw new IllegalStateException("end-of-day balance of account " + accountId + " overflows", e);
        }
    }
}
