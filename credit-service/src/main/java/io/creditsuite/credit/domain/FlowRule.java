package io.creditsuite.credit.domain;

import java.time.Instant;

/**
 * The one rule that applies a flow's entry to a node. Live postings and the replay of the flow log
 * both go through it, so replaying every flow from {@link Balances#ZERO} in time order gives back
 * the stored balances exactly.
 */
public final class FlowRule {
    private FlowRule() {
    }

    /**
     * The node's balances after {@code delta}, at time {@code at}.
     *
     * @throws LimitRejection when a balance would go negative, or when the entry raises exposure or lowers the
     *                        limit and {@code used + frozen <= limit(at)} would not hold afterwards
     */
    public static Balances apply(Balances before, NodeDelta delta, Instant at) {
        Balances after;
        try {
            after = new Balances(
                    Math.addExact(before.fixedMinor(), delta.fixedMinor()),
                    Math.addExact(before.temporaryMinor(), delta.temporaryMinor()),
                    delta.temporaryExpiresAt() != null ? delta.temporaryExpiresAt() : before.temporaryExpiresAt(),
                    Math.addExact(before.retiredMinor(), delta.retiredMinor()),
                    Math.addExact(before.frozenMinor(), delta.frozenMinor()),
                    Math.addExact(before.inTransitMinor(), delta.inTransitMinor()),
                    Math.addExact(before.inUseMinor(), delta.inUseMinor()));
        } catch (ArithmeticException e) {
            throw new LimitRejection(LimitRejection.Reason.AMOUNT_INVALID, "node " + delta.nodeId() + ": amount overflows");
        }
        if (after.fixedMinor() < 0 || after.temporaryMinor() < 0 || after.retiredMinor() < 0
                || after.frozenMinor() < 0 || after.inTransitMinor() < 0 || after.inUseMinor() < 0) {
            throw new LimitRejection(LimitRejection.Reason.BALANCE_NEGATIVE,
                    "node " + delta.nodeId() + " would go negative: " + after);
        }
        if ((delta.exposureMinor() > 0 || delta.lowersLimit()) && after.exposureMinor() > after.limitAt(at)) {
            throw new LimitRejection(delta.exposureMinor() > 0
                    ? LimitRejection.Reason.LIMIT_INSUFFICIENT : LimitRejection.Reason.LIMIT_BELOW_EXPOSURE,
                    "node " + delta.nodeId() + ": used + frozen " + after.exposureMinor() + " > limit "
                            + after.limitAt(at));
        }
        return after;
    }
}
