package io.creditsuite.credit.domain;

import java.time.Instant;

/**
 * The balances of one limit node, in minor units of the node's currency.
 *
 * <p>Guarantees (enforced by {@link LimitGuard}, mirrored by the database's conditional updates):
 * <ul>
 *   <li>{@code limit(t) = fixed + (temporaryExpiresAt > t ? temporary : 0) - retired}</li>
 *   <li>{@code used = inTransit + inUse}</li>
 *   <li>{@code available(t) = limit(t) - used - frozen}</li>
 *   <li>{@code used + frozen <= limit(t)} after every flow that raises exposure ({@code used + frozen})
 *       or lowers the limit; a temporary limit that expires later may leave a node above its limit, and then
 *       only flows that lower exposure are accepted</li>
 *   <li>{@code fixed, temporary, retired, frozen, inTransit, inUse >= 0}, always</li>
 * </ul>
 * {@code retired} is what repayments of non-revolving lines took out of the limit: such a return lowers
 * {@code used} and the limit together, so the available limit does not come back.
 */
public record Balances(long fixedMinor, long temporaryMinor, Instant temporaryExpiresAt, long retiredMinor,
                       long frozenMinor, long inTransitMinor, long inUseMinor) {

    public static final Balances ZERO = new Balances(0, 0, null, 0, 0, 0, 0);

    public long limitAt(Instant at) {
        return Math.subtractExact(Math.addExact(fixedMinor, temporaryCountsAt(at) ? temporaryMinor : 0), retiredMinor);
    }

    public boolean temporaryCountsAt(Instant at) {
        return temporaryExpiresAt != null && temporaryExpiresAt.isAfter(at);
    }

    public long usedMinor() {
        return Math.addExact(inTransitMinor, inUseMinor);
    }

    public long exposureMinor() {
        return Math.addExact(usedMinor(), frozenMinor);
    }

    public long availableAt(Instant at) {
        return Math.subtractExact(limitAt(at), exposureMinor());
    }

    /** For the audit log's before and after: every field, e.g. {@code fixed=5000 temporary=0 ... inUse=1500}. */
    public String describe() {
        return "fixed=" + fixedMinor + " temporary=" + temporaryMinor + " temporaryExpiresAt=" + temporaryExpiresAt
                + " retired=" + retiredMinor + " frozen=" + frozenMinor + " inTransit=" + inTransitMinor
                + " inUse=" + inUseMinor;
    }
}
