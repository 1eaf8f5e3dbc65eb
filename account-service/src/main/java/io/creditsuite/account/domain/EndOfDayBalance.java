package io.creditsuite.account.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * An account's balance (available + frozen, what journal entries chain) at the end of a closed date.
 *
 * <p>Guarantees:
 * <pre>
 *   flow(d)            = sum over entries e of the account with accounting_date = d of (e.balance_after - e.balance_before)
 *   balance(d)         = balance(p) + sum of flow(x) for p < x <= d   (p = the previous closed date; 0 and all x <= d for the first)
 *   therefore balance(d) = sum of the deltas of every entry dated <= d (the chain starts at 0)
 *   split account S (SUBTRACT_FREQUENT, BOTH):  balance(S, d) = sum over its sub-accounts s of balance(s, d),
 *                      flow(S, d) = sum of flow(s, d),  entries(S, d) = sum of entries(s, d)
 *                      (S's own row never takes an entry: its postings land on sub-accounts)
 *   every sum is exact: an overflow is AMOUNT_OVERFLOW and the batch writes nothing
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
        return new EndOfDayBalance(accountId, date, currency, exact(accountId, previousBalanceMinor, flowMinor),
                flowMinor, entries);
    }

    /** A split account's day: the sum of its sub-accounts' (a client sees the split account, not its sub-accounts). */
    public static EndOfDayBalance ofSplitAccount(long accountId, LocalDate date, String currency,
                                                 List<EndOfDayBalance> subAccounts) {
        long balance = 0;
        long flow = 0;
        long entries = 0;
        for (EndOfDayBalance sub : subAccounts) {
            balance = exact(accountId, balance, sub.balanceMinor());
            flow = exact(accountId, flow, sub.flowMinor());
            entries = Math.addExact(entries, sub.entries());
        }
        return new EndOfDayBalance(accountId, date, currency, balance, flow, entries);
    }

    private static long exact(long accountId, long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new LedgerException(LedgerError.AMOUNT_OVERFLOW, "end-of-day balance of account " + accountId
                    + " overflows a long (" + a + " + " + b + ")", accountId);
        }
    }
}
