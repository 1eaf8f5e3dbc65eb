package io.creditsuite.credit.domain;

import java.time.Instant;

/**
 * The rules of moving money through a hold, in one place: the use case checks them early (a clear answer before
 * anything is queued) and the writer plans with them again under the hold's row lock ({@link LimitOperation}).
 *
 * <p>Guarantees, for a hold {@code h} at time {@code t}, with {@code expired(h, t) = h.expiresAt <= t} and
 * {@code owner(h) = h.tccXid} (null: a caller's hold):
 * <ul>
 *   <li>caller use of {@code a}: {@code owner(h) = null  ∧  ¬expired(h, t)  ∧  a <= h.frozen}, checked in this
 *       order, so an expired hold answers {@code HOLD_EXPIRED} at any time after its expiry, before and after the
 *       sweeper released it ({@code frozen = 0} then), whatever {@code a} is</li>
 *   <li>caller release: {@code owner(h) = null  ∧  h.frozen > 0}</li>
 *   <li>expiry release: {@code owner(h) = null  ∧  expired(h, t)  ∧  h.frozen > 0}; a TCC hold takes no expiry
 *       (the try refuses one), and if one had it, the sweeper still could not release it: it belongs to its global
 *       transaction</li>
 *   <li>TCC confirm of {@code a} (phase two): {@code owner(h) != null  ∧  a = h.frozen}, where {@code a} is what the
 *       try froze: confirm uses exactly the try's amount, never less (a partial use by anyone else is refused by
 *       the rules above, so {@code h.frozen} is still the try's amount); if they differ confirm fails loudly</li>
 *   <li>TCC cancel (phase two): {@code owner(h) != null  ∧  h.frozen > 0}; releases all of {@code h.frozen}</li>
 *   <li>disbursement of {@code a}: {@code a <= h.inTransit}; return of {@code a}: {@code a <= h.inUse} (what phase
 *       two moved to in-transit is the caller's to disburse and repay, as for any hold)</li>
 * </ul>
 * The amounts themselves are {@code > 0} (checked at the edge).
 */
public final class HoldGuard {
    private HoldGuard() {
    }

    /** A caller's use of {@code amount} from the hold. */
    public static void callerUse(Hold hold, long amount, Instant now) {
        callerOwns(hold, "use");
        if (hold.expiredAt(now)) {
            throw new LimitRejection(LimitRejection.Reason.HOLD_EXPIRED,
                    "hold " + hold.holdId() + " expired at " + hold.expiresAt() + "; it can no longer be used");
        }
        if (amount > hold.frozenMinor()) {
            throw new LimitRejection(LimitRejection.Reason.USE_EXCEEDS_HOLD,
                    "use of " + amount + " exceeds the " + hold.frozenMinor() + " frozen in hold " + hold.holdId());
        }
    }

    /** The release of what is still frozen, by {@code release}. */
    public static void release(Hold hold, HoldRelease release, Instant now) {
        switch (release) {
            case CALLER -> callerOwns(hold, "release");
            case EXPIRY -> {
                if (hold.ownedByGlobalTransaction()) {
                    throw new LimitRejection(LimitRejection.Reason.HOLD_IN_GLOBAL_TRANSACTION, "hold " + hold.holdId()
                            + " belongs to global transaction " + hold.tccXid() + "; only its phase two releases it");
                }
                if (!hold.expiredAt(now)) {
                    throw new LimitRejection(LimitRejection.Reason.HOLD_EXPIRED, "hold " + hold.holdId() + " has not expired");
                }
            }
            case TCC_CANCEL -> phaseTwoOwns(hold, "cancel");
        }
        if (hold.frozenMinor() == 0) {
            throw new LimitRejection(LimitRejection.Reason.BALANCE_NEGATIVE, "hold " + hold.holdId() + " has nothing frozen");
        }
    }

    /** The TCC confirm: uses exactly {@code triedAmount}, what the try froze, which must still all be frozen. */
    public static void confirm(Hold hold, long triedAmount) {
        phaseTwoOwns(hold, "confirm");
        if (hold.frozenMinor() != triedAmount) {
            throw new LimitRejection(LimitRejection.Reason.HOLD_IN_GLOBAL_TRANSACTION, "confirm of hold " + hold.holdId()
                    + ": the try froze " + triedAmount + " but " + hold.frozenMinor() + " is frozen; the confirm must use"
                    + " exactly what the try froze");
        }
    }

    public static void disburse(Hold hold, long amount) {
        if (amount > hold.inTransitMinor()) {
            throw new LimitRejection(LimitRejection.Reason.DISBURSE_EXCEEDS_IN_TRANSIT, "disbursement of " + amount
                    + " exceeds the " + hold.inTransitMinor() + " in transit in hold " + hold.holdId());
        }
    }

    public static void repay(Hold hold, long amount) {
        if (amount > hold.inUseMinor()) {
            throw new LimitRejection(LimitRejection.Reason.RETURN_EXCEEDS_USED,
                    "return of " + amount + " exceeds the " + hold.inUseMinor() + " in use in hold " + hold.holdId());
        }
    }

    private static void callerOwns(Hold hold, String what) {
        if (hold.ownedByGlobalTransaction()) {
            throw new LimitRejection(LimitRejection.Reason.HOLD_IN_GLOBAL_TRANSACTION, "hold " + hold.holdId()
                    + " was opened by a TCC try of global transaction " + hold.tccXid() + "; its frozen part belongs to"
                    + " that transaction until phase two: the " + what + " is refused, commit or roll back the global"
                    + " transaction instead");
        }
    }

    private static void phaseTwoOwns(Hold hold, String what) {
        if (!hold.ownedByGlobalTransaction()) {
            throw new LimitRejection(LimitRejection.Reason.HOLD_IN_GLOBAL_TRANSACTION, "hold " + hold.holdId()
                    + " was not opened by a TCC try; a TCC " + what + " cannot move it");
        }
    }
}
