package io.creditsuite.api.account;

import java.io.Serializable;

/**
 * Near-real-time balance (准实时余额) = base end-of-day balance + journal flows dated after the base
 * date + pending credits not folded yet. For a split account, summed over its sub-accounts.
 *
 * @param baseDate        the end-of-day balance used (date in force - offset, or the latest closed
 *                        date before it); null when no day was closed yet for this account
 * @param dateInForce     the accounting date in force when read
 */
public record NearRealTimeBalanceView(long accountId, String currency, String dateInForce, String baseDate,
                                      long baseBalanceMinor, long flowsMinor, long pendingMinor, long balanceMinor)
        implements Serializable {
}
