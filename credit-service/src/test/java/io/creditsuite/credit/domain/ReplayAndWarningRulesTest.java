package io.creditsuite.credit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayAndWarningRulesTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static List<FlowReplay.TimedEntry> log() {
        return List.of(new FlowReplay.TimedEntry(T, NodeDelta.limits(1, 1000, 200, T.plusSeconds(600))),
                new FlowReplay.TimedEntry(T, NodeDelta.limits(2, 500, 0, null)),
                new FlowReplay.TimedEntry(T.plusSeconds(1), NodeDelta.frozen(1, 300)),
                new FlowReplay.TimedEntry(T.plusSeconds(1), NodeDelta.frozen(2, 300)),
                new FlowReplay.TimedEntry(T.plusSeconds(2), NodeDelta.frozenToInTransit(1, 250)),
                new FlowReplay.TimedEntry(T.plusSeconds(3), NodeDelta.inTransitToInUse(1, 250)),
                new FlowReplay.TimedEntry(T.plusSeconds(4), NodeDelta.returned(1, 100, false)));
    }

    @Test
    void a_running_replay_gives_what_the_flow_replay_gives() {
        RunningReplay running = new RunningReplay();
        log().forEach(e -> running.accept(e.at(), e.delta()));

        assertThat(running.balances()).isEqualTo(FlowReplay.replay(log()));
        assertThat(running.entries()).isEqualTo(7);
        assertThat(running.of(3)).isEqualTo(Balances.ZERO);
    }

    @Test
    void a_running_replay_refuses_an_entry_that_breaks_the_rule() {
        RunningReplay running = new RunningReplay();

        LimitRejection refused = catchThrowableOfType(LimitRejection.class, () -> running.accept(T, NodeDelta.frozen(9, 1)));

        assertThat(refused.reason()).isEqualTo(LimitRejection.Reason.LIMIT_INSUFFICIENT);
    }

    @Test
    void a_difference_lists_only_the_fields_that_differ_and_none_when_equal() {
        Balances replayed = FlowReplay.replay(log()).get(1L);
        Balances stored = new Balances(replayed.fixedMinor(), replayed.temporaryMinor(), replayed.temporaryExpiresAt(),
                replayed.retiredMinor(), replayed.frozenMinor() + 777, replayed.inTransitMinor(), replayed.inUseMinor());

        BalanceDifference difference = BalanceDifference.of(1, "L-1", stored, replayed);

        assertThat(difference.fields()).containsExactly(new BalanceDifference.Field("frozenMinor",
                replayed.frozenMinor() + 777, replayed.frozenMinor()));
        assertThat(difference.describe()).contains("node 1 (line L-1)").contains("frozenMinor stored 827 replayed 50");
        assertThat(BalanceDifference.of(1, "L-1", replayed, replayed)).isNull();
    }

    @Test
    void available_low_compares_the_share_of_the_limit_exactly() {
        Balances limit1000 = new Balances(1000, 0, null, 0, 0, 0, 0);

        assertThat(WarningRules.availableLow(FlowRule.apply(limit1000, NodeDelta.inTransit(1, 900), T), T, 1000)).isFalse();
        assertThat(WarningRules.availableLow(FlowRule.apply(limit1000, NodeDelta.inTransit(1, 901), T), T, 1000)).isTrue();
        assertThat(WarningRules.availableLow(Balances.ZERO, T, 1000)).as("no limit, nothing to warn").isFalse();
    }

    @Test
    void a_term_is_expiring_within_the_window_and_expired_from_its_end() {
        Duration days30 = Duration.ofDays(30);

        assertThat(WarningRules.expiring(T.plus(Duration.ofDays(30)), T, days30)).isTrue();
        assertThat(WarningRules.expiring(T.plus(Duration.ofDays(31)), T, days30)).isFalse();
        assertThat(WarningRules.expiring(T, T, days30)).isFalse();
        assertThat(WarningRules.expired(T, T)).isTrue();
        assertThat(WarningRules.expired(T.plusMillis(1), T)).isFalse();
    }

    @Test
    void overdue_is_what_is_due_minus_returned_but_never_more_than_outstanding() {
        assertThat(WarningRules.overdueMinor(300, 100, 850)).isEqualTo(200);
        assertThat(WarningRules.overdueMinor(300, 300, 650)).isZero();
        assertThat(WarningRules.overdueMinor(300, 0, 120)).isEqualTo(120);
        assertThat(WarningRules.overdueMinor(300, 400, 500)).isZero();
    }

    @Test
    void over_cap_is_the_exposure_above_the_cap() {
        assertThat(WarningRules.overCapMinor(950, 900)).isEqualTo(50);
        assertThat(WarningRules.overCapMinor(900, 900)).isZero();
    }
}
