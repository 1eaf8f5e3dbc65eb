package io.creditsuite.credit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowRuleTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Balances LIMIT_100 = new Balances(100, 0, null, 0, 0, 0, 0);

    @Test
    void a_freeze_up_to_the_limit_is_taken_and_one_more_is_refused() {
        Balances full = FlowRule.apply(LIMIT_100, NodeDelta.frozen(1, 100), NOW);

        assertThat(full.availableAt(NOW)).isZero();
        LimitRejection refused = catchThrowableOfType(LimitRejection.class,
                () -> FlowRule.apply(full, NodeDelta.inTransit(1, 1), NOW));
        assertThat(refused.reason()).isEqualTo(LimitRejection.Reason.LIMIT_INSUFFICIENT);
    }

    @Test
    void used_is_in_transit_plus_in_use_and_available_is_limit_minus_used_minus_frozen() {
        Balances b = FlowRule.apply(LIMIT_100, NodeDelta.frozen(1, 30), NOW);
        b = FlowRule.apply(b, NodeDelta.frozenToInTransit(1, 20), NOW);
        b = FlowRule.apply(b, NodeDelta.inTransitToInUse(1, 5), NOW);

        assertThat(b.usedMinor()).isEqualTo(20).isEqualTo(b.inTransitMinor() + b.inUseMinor());
        assertThat(b.frozenMinor()).isEqualTo(10);
        assertThat(b.availableAt(NOW)).isEqualTo(100 - 20 - 10);
    }

    @Test
    void a_temporary_limit_counts_only_until_it_expires() {
        Balances b = FlowRule.apply(LIMIT_100, NodeDelta.limits(1, 0, 50, NOW.plusSeconds(60)), NOW);

        assertThat(b.limitAt(NOW)).isEqualTo(150);
        assertThat(b.limitAt(NOW.plusSeconds(60))).isEqualTo(100);
        Balances used = FlowRule.apply(b, NodeDelta.inTransit(1, 150), NOW);
        assertThat(catchThrowableOfType(LimitRejection.class,
                () -> FlowRule.apply(b, NodeDelta.inTransit(1, 101), NOW.plusSeconds(61))).reason())
                .isEqualTo(LimitRejection.Reason.LIMIT_INSUFFICIENT);
        // after expiry the node is above its limit: exposure can only come down
        Balances later = FlowRule.apply(FlowRule.apply(used, NodeDelta.inTransitToInUse(1, 150), NOW.plusSeconds(61)),
                NodeDelta.returned(1, 10, true), NOW.plusSeconds(62));
        assertThat(later.usedMinor()).isEqualTo(140);
    }

    @Test
    void a_non_revolving_return_retires_limit_so_available_does_not_come_back() {
        Balances used = FlowRule.apply(LIMIT_100, NodeDelta.inTransit(1, 40), NOW);
        used = FlowRule.apply(used, NodeDelta.inTransitToInUse(1, 40), NOW);

        Balances revolving = FlowRule.apply(used, NodeDelta.returned(1, 40, true), NOW);
        Balances nonRevolving = FlowRule.apply(used, NodeDelta.returned(1, 40, false), NOW);

        assertThat(revolving.availableAt(NOW)).isEqualTo(100);
        assertThat(nonRevolving.availableAt(NOW)).isEqualTo(60);
        assertThat(nonRevolving.usedMinor()).isZero();
    }

    @Test
    void no_balance_ever_goes_negative() {
        LimitRejection refused = catchThrowableOfType(LimitRejection.class,
                () -> FlowRule.apply(LIMIT_100, NodeDelta.frozen(1, -1), NOW));
        assertThat(refused.reason()).isEqualTo(LimitRejection.Reason.BALANCE_NEGATIVE);
    }

    @Test
    void an_amount_that_overflows_is_refused_not_wrapped() {
        Balances huge = new Balances(Long.MAX_VALUE, 0, null, 0, 0, 0, 0);
        assertThat(catchThrowableOfType(LimitRejection.class,
                () -> FlowRule.apply(huge, NodeDelta.limits(1, 1, 0, null), NOW)).reason())
                .isEqualTo(LimitRejection.Reason.AMOUNT_OVERFLOW);
    }

    @Test
    void lowering_a_limit_below_used_plus_frozen_is_refused() {
        Balances used = FlowRule.apply(LIMIT_100, NodeDelta.inTransit(1, 80), NOW);
        assertThat(catchThrowableOfType(LimitRejection.class,
                () -> FlowRule.apply(used, NodeDelta.limits(1, -21, 0, null), NOW)).reason())
                .isEqualTo(LimitRejection.Reason.LIMIT_BELOW_EXPOSURE);
    }

    @Test
    void replaying_the_entries_from_zero_gives_the_balances_back() {
        List<FlowReplay.TimedEntry> log = List.of(
                new FlowReplay.TimedEntry(NOW, NodeDelta.limits(1, 100, 0, null)),
                new FlowReplay.TimedEntry(NOW, NodeDelta.frozen(1, 30)),
                new FlowReplay.TimedEntry(NOW, NodeDelta.frozenToInTransit(1, 30)),
                new FlowReplay.TimedEntry(NOW, NodeDelta.inTransitToInUse(1, 30)),
                new FlowReplay.TimedEntry(NOW, NodeDelta.returned(1, 10, false)));

        Map<Long, Balances> rebuilt = FlowReplay.replay(log);

        assertThat(rebuilt.get(1L)).isEqualTo(new Balances(100, 0, null, 10, 0, 0, 20));
    }
}
