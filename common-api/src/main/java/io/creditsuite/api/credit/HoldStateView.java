package io.creditsuite.api.credit;

import java.io.Serializable;

/**
 * A hold as it stands now. Guarantees: {@code frozenMinor, inTransitMinor, inUseMinor >= 0}; {@code frozenMinor = 0}
 * once the hold was used, released or expired in full (the row stays).
 *
 * @param expiresAtEpochMillis when a caller's hold expires (the expiry sweeper then releases what is frozen), or null
 *                             (a hold without expiry, and every TCC try's hold)
 * @param tccXid               the global transaction whose TCC try opened the hold (it owns the frozen part until
 *                             phase two), or null for a caller's hold
 */
public record HoldStateView(String holdId, String lineId, String currency, long frozenMinor, long inTransitMinor,
                            long inUseMinor, Long expiresAtEpochMillis, String tccXid) implements Serializable {
}
