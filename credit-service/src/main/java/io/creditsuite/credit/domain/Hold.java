package io.creditsuite.credit.domain;

import java.time.Instant;

/**
 * One drawing on a line (a hold, 冻结, and what became of it), identified by the request id that opened it.
 *
 * <p>Guarantees: {@code frozen, inTransit, inUse >= 0}; a use takes at most {@code frozen}, a disbursement
 * at most {@code inTransit}, a return at most {@code inUse}; once {@code expiresAt <= now} the frozen part
 * can no longer be used and is released by an EXPIRE flow. The nodes on the hold's path carry the same
 * amounts: every change of a hold is one flow whose entries move every path node by the same amount.
 */
public record Hold(String holdId, String lineId, long leafNodeId, String currency, long frozenMinor,
                   long inTransitMinor, long inUseMinor, Instant expiresAt) {

    public boolean expiredAt(Instant at) {
        return expiresAt != null && !expiresAt.isAfter(at);
    }

    public Hold plus(long frozen, long inTransit, long inUse) {
        Hold after = new Hold(holdId, lineId, leafNodeId, currency, frozenMinor + frozen, inTransitMinor + inTransit,
                inUseMinor + inUse, expiresAt);
        if (after.frozenMinor < 0 || after.inTransitMinor < 0 || after.inUseMinor < 0) {
            throw new LimitRejection(LimitRejection.Reason.BALANCE_NEGATIVE, "hold " + holdId + " would go negative");
        }
        return after;
    }
}
