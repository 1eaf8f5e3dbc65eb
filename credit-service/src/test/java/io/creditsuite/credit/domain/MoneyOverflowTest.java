package io.creditsuite.credit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Amounts near Long.MAX_VALUE through the node rule and grant control: refused as overflow, never wrapped. */
class MoneyOverflowTest {
    private static final long MAX = Long.MAX_VALUE;
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TOMORROW = NOW.plusSeconds(86_400);

    @Test
    void a_freeze_or_use_past_the_largest_exposure_is_an_overflow() {
        Balances full = new Balances(MAX, 0, null, 0, MAX - 1, 0, 0);
        assertThat(refusal(() -> LimitGuard.apply(full, NodeDelta.frozen(1, 5), NOW)))
                .isEqualTo(LimitRejection.Reason.AMOUNT_OVERFLOW);
        assertThat(refusal(() -> LimitGuard.apply(full, NodeDelta.inTransit(1, MAX), NOW)))
                .as("each field fits, their sum does not").isEqualTo(LimitRejection.Reason.AMOUNT_OVERFLOW);
        assertThat(LimitGuard.apply(full, NodeDelta.frozen(1, 1), NOW).exposureMinor()).isEqualTo(MAX);
        assertThat(refusal(() -> LimitGuard.apply(new Balances(MAX, 0, null, 0, MAX, 0, 0), NodeDelta.frozen(1, 1), NOW)))
                .isEqualTo(LimitRejection.Reason.AMOUNT_OVERFLOW);
    }

    @Test
    void a_limit_past_the_largest_value_is_an_overflow_even_when_the_temporary_part_does_not_count() {
        Balances b = new Balances(MAX, 0, null, 0, 0, 0, 0);
        assertThat(refusal(() -> LimitGuard.apply(b, NodeDelta.limits(1, 0, 1, TOMORROW), NOW)))
                .isEqualTo(LimitRejection.Reason.AMOUNT_OVERFLOW);
        assertThat(refusal(() -> LimitGuard.apply(b, NodeDelta.limits(1, 0, 1, NOW.minusSeconds(1)), NOW)))
                .isEqualTo(LimitRejection.Reason.AMOUNT_OVERFLOW);
        assertThat(refusal(() -> LimitGuard.apply(b, NodeDelta.limits(1, 1, 0, null), NOW)))
                .isEqualTo(LimitRejection.Reason.AMOUNT_OVERFLOW);
    }

    @Test
    void grant_control_sums_exactly_and_refuses_a_sum_past_the_largest_value() {
        assertThat(refusal(() -> GrantControlPolicy.requireRoomFor(9, 10, MAX - 5, MAX)))
                .as("10 + (MAX - 5) would wrap negative and fit").isEqualTo(LimitRejection.Reason.AMOUNT_OVERFLOW);
        assertThat(refusal(() -> GrantControlPolicy.grantedAt(List.of(limits(MAX, 0, null), limits(1, 0, null)), NOW)))
                .isEqualTo(LimitRejection.Reason.AMOUNT_OVERFLOW);
        GrantControlPolicy.requireRoomFor(9, MAX - 5, 5, MAX);
        assertThat(refusal(() -> GrantControlPolicy.requireRoomFor(9, MAX - 5, 6, MAX)))
                .isEqualTo(LimitRejection.Reason.AMOUNT_OVERFLOW);
        assertThat(refusal(() -> GrantControlPolicy.requireRoomFor(9, 10, 91, 100)))
                .isEqualTo(LimitRejection.Reason.GRANT_EXCEEDS_PARENT);
    }

    @Test
    void a_childs_temporary_limit_counts_against_its_grant_controlled_parent_while_it_is_in_force() {
        assertThat(GrantControlPolicy.carvedAt(limits(60, 30, TOMORROW), NOW)).isEqualTo(90);
        assertThat(GrantControlPolicy.carvedAt(limits(60, 30, NOW), NOW)).as("expired at now").isEqualTo(60);
        assertThat(GrantControlPolicy.grantedAt(List.of(limits(60, 30, TOMORROW), limits(20, 0, null)), NOW))
                .isEqualTo(110);
        assertThat(refusal(() -> GrantControlPolicy.requireRoomFor(9, 90, 20, 100)))
                .isEqualTo(LimitRejection.Reason.GRANT_EXCEEDS_PARENT);
    }

    private static Balances limits(long fixed, long temporary, Instant expiresAt) {
        return new Balances(fixed, temporary, expiresAt, 0, 0, 0, 0);
    }

    private static LimitRejection.Reason refusal(ThrowingCallable call) {
        LimitRejection refused = catchThrowableOfType(LimitRejection.class, call);
        assertThat(refused).as("a LimitRejection").isNotNull();
        return refused.reason();
    }
}
