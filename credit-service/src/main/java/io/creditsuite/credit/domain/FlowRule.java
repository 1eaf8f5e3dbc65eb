package io.creditsuite.credit.domain;

import java.time.Instant;

/**
 * The one rule that applies a flow's entry to a node. Live changes and the replay of the flow log
 * both go through it, so replaying every flow from {@link Balances#ZERO} in time order gives back
 * the stored balances exactly. The rule itself, with its guarantees: {@link LimitGuard}.
 */
public final class FlowRule {
    private FlowRule() {
    }

    /**
     * The node's balances after {@code delta}, at time {@code at}.
     *
     * @throws LimitRejection when {@link LimitGuard} refuses the entry
     */
    public static Balances apply(Balances before, NodeDelta delta, Instant at) {
        return LimitGuard.apply(before, delta, at);
    }
}
