package io.creditsuite.credit.domain;

import java.time.Instant;

/**
 * One drawing on a line (a hold, 冻结, and what became of it), identified by the request id that opened it.
 *
 * <p>Guarantees: {@code frozen, inTransit, inUse >= 0}; a use takes at most {@code frozen}, a disbursement
 * at most {@code inTransit}, a return at most {@code inUse}; once {@code expiresAt <= now} the frozen part
 * can no longer be used and is released by an EXPIRE flow. The nodes on the hold's path carry the same
 * amounts: every change of a hold is one flow whose entries move every path node by the same amount.
 * Who may move the frozen part, and when: {@link HoldGuard}.
 *
 * @param tccXid the global transaction whose TCC try opened the hold, which owns its frozen part until phase two
 *               ({@link HoldGuard}); null for a hold a caller opened
 */
public record Hold(String holdId, String lineId, long leafNodeId, String currency, long frozenMinor,
                   long inTransitMinor, long inUseMinor, Instant expiresAt, String tccXid) {

    /** A hold a caller opened (not a TCC try). */
    public Hold(String holdId, String lineId, long leafNodeId, String currency, long frozenMinor, long inTransitMinor,
                long inUseMinor, Instant expiresAt) {
        this(holdId, lineId, leafNodeId, currency, frozenMinor, inTransitMinor, inUseMinor, expiresAt, null);
    }

    public boolean expiredAt(Instant at) {
        return expiresAt != null && !expiresAt.isAfter(at);
    }

    /** Whether a TCC try opened the hold: its frozen part moves only by that global transaction's phase two. */
    public boolean ownedByGlobalTransaction() {
        return tccXid != null;
    }

    public Hold plus(long frozen, long inTransit, long inUse) {
        Hold after;
        try {
            after = new Hold(holdId, lineId, leafNodeId, currency, Math.addExact(frozenMinor, frozen),
                    Math.addExact(inTransitMinor, inTransit), Math.addExact(inUseMinor, inUse), expiresAt, tccXid);
        } catch (ArithmeticException e) {
            throw new LimitRejection(LimitRejection.Reason.AMOUNT_OVERFLOW, "hold " + holdId + ": amount overflows");
        }
        if (after.frozenMinor < 0 || after.inTransitMinor < 0 || after.inUseMinor < 0) {
            throw new LimitRejection(LimitRejection.Reason.BALANCE_NEGATIVE, "hold " + holdId + " would go negative");
        }
        return after;
    }
}
