package io.creditsuite.credit.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a warning (预警) is due. Pure rules; the scan feeds them what it read.
 *
 * <ul>
 *   <li>AVAILABLE_LOW: {@code limit(now) > 0 and available(now) * 10000 < limit(now) * thresholdBps}</li>
 *   <li>LINE_EXPIRING: {@code now < termEnd <= now + within}</li>
 *   <li>LINE_EXPIRED: {@code termEnd <= now}</li>
 *   <li>OVERDUE: {@code overdue = min(sum(due amounts with dueAt <= now) - returned, outstanding) > 0}, where
 *       returned is what RETURN flows took off the hold and outstanding its in-transit + in-use</li>
 *   <li>BUSINESS_TYPE_OVER_CAP: {@code sum(used + frozen of the business type's nodes) > cap}</li>
 * </ul>
 */
public final class WarningRules {
    private WarningRules() {
    }

    public static boolean availableLow(Balances balances, Instant now, long thresholdBps) {
        long limit = balances.limitAt(now);
        if (limit <= 0) {
            return false;
        }
        // compared as fractions without division: no rounding, and overflow refuses loudly
        return Math.multiplyExact(balances.availableAt(now), 10_000L) < Math.multiplyExact(limit, thresholdBps);
    }

    public static boolean expiring(Instant termEnd, Instant now, Duration within) {
        return termEnd.isAfter(now) && !termEnd.isAfter(now.plus(within));
    }

    public static boolean expired(Instant termEnd, Instant now) {
        return !termEnd.isAfter(now);
    }

    /** 0 when nothing is overdue. */
    public static long overdueMinor(long dueByNowMinor, long returnedMinor, long outstandingMinor) {
        long unpaid = Math.subtractExact(dueByNowMinor, returnedMinor);
        return Math.max(0, Math.min(unpaid, outstandingMinor));
    }

    /** 0 when within the cap. */
    public static long overCapMinor(long exposureMinor, long capMinor) {
        return Math.max(0, Math.subtractExact(exposureMinor, capMinor));
    }
}
