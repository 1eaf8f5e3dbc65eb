package io.creditsuite.account.domain;

import java.time.LocalDate;

/**
 * Near-real-time balance (准实时余额) of one account row: an end-of-day balance plus what moved since.
 * Why not the balance of T-1: the cutover can get stuck (卡日切) when upstreams misbehave, so by
 * default the base is T-2 (offset 2; 1 by configuration), which is closed long before it is needed.
 *
 * <p>Guarantees:
 * <pre>
 *   baseDate  = the latest closed date <= dateInForce - offset that has this account's balance (none: base 0)
 *   balance   = base + sum(entry deltas with accounting_date > baseDate) + sum(pending credits)
 *   once the aggregator drained (no pending credit):  balance = the account's live balance
 *   every sum is exact: an overflow is AMOUNT_OVERFLOW
 * </pre>
 * Pending credits count whatever their date: they are never in an end-of-day balance, because the
 * cutover folds those of the closed date into the journal before it snapshots.
 */
public record NearRealTimeBalance(LocalDate baseDate, long baseMinor, long flowsMinor, long pendingMinor) {

    public static final int MIN_OFFSET = 1;
    public static final int MAX_OFFSET = 2;

    /** The latest end-of-day date allowed as the base. */
    public static LocalDate baseLimit(LocalDate dateInForce, int offsetDays) {
        if (offsetDays < MIN_OFFSET || offsetDays > MAX_OFFSET) {
            throw new IllegalArgumentException("near-real-time offset must be " + MIN_OFFSET + " or " + MAX_OFFSET
                    + " days, not " + offsetDays);
        }
        return dateInForce.minusDays(offsetDays);
    }

    public long balanceMinor() {
        return exact(exact(baseMinor, flowsMinor), pendingMinor);
    }

    /** Sums the rows of a split account (its sub-accounts); the base date is the oldest of theirs. */
    public NearRealTimeBalance plus(NearRealTimeBalance other) {
        LocalDate base = baseDate == null || other.baseDate == null ? null
                : baseDate.isBefore(other.baseDate) ? baseDate : other.baseDate;
        return new NearRealTimeBalance(base, exact(baseMinor, other.baseMinor), exact(flowsMinor, other.flowsMinor),
                exact(pendingMinor, other.pendingMinor));
    }

    private static long exact(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new LedgerException(LedgerError.AMOUNT_OVERFLOW, "near-real-time balance overflows a long (" + a
                    + " + " + b + ")");
        }
    }
}
