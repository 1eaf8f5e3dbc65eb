package io.creditsuite.credit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitOperationTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    /** product 3 -> business type 2 -> limit type 1 -> upstream guarantee 9 (shared). */
    private static final LimitPath PATH = new LimitPath(List.of(new PathNode(3, true), new PathNode(2, true),
            new PathNode(1, true), new PathNode(9, false)), 9);

    @Test
    void a_freeze_moves_every_node_on_the_path_by_the_same_amount() {
        Plan plan = new LimitOperation.Freeze("h-1", "L-1", "CNY", PATH, 25, null).plan(null, Map.of(), NOW);

        assertThat(plan.entries()).extracting(NodeDelta::nodeId).containsExactly(3L, 2L, 1L, 9L);
        assertThat(plan.entries()).allSatisfy(e -> assertThat(e.frozenMinor()).isEqualTo(25));
        assertThat(plan.holdAfter().frozenMinor()).isEqualTo(25);
    }

    @Test
    void a_use_beyond_the_hold_is_refused() {
        Hold hold = new Hold("h-1", "L-1", 3, "CNY", 25, 0, 0, null);
        LimitRejection refused = catchThrowableOfType(LimitRejection.class,
                () -> new LimitOperation.UseHold("h-1", PATH, 26).plan(hold, Map.of(), NOW));
        assertThat(refused.reason()).isEqualTo(LimitRejection.Reason.USE_EXCEEDS_HOLD);
    }

    @Test
    void an_expired_hold_cannot_be_used_but_releases_itself() {
        Hold hold = new Hold("h-1", "L-1", 3, "CNY", 25, 0, 0, NOW);
        assertThat(catchThrowableOfType(LimitRejection.class,
                () -> new LimitOperation.UseHold("h-1", PATH, 1).plan(hold, Map.of(), NOW)).reason())
                .isEqualTo(LimitRejection.Reason.HOLD_EXPIRED);

        Plan release = new LimitOperation.Unfreeze("h-1", PATH, HoldRelease.EXPIRY).plan(hold, Map.of(), NOW);
        assertThat(release.type()).isEqualTo(FlowType.EXPIRE);
        assertThat(release.holdAfter().frozenMinor()).isZero();
        assertThat(release.entries()).allSatisfy(e -> assertThat(e.frozenMinor()).isEqualTo(-25));
    }

    @Test
    void a_return_beyond_what_is_in_use_is_refused_and_a_return_retires_only_non_revolving_nodes() {
        Hold hold = new Hold("h-1", "L-1", 3, "CNY", 0, 0, 10, null);
        assertThat(catchThrowableOfType(LimitRejection.class,
                () -> new LimitOperation.Return("h-1", PATH, 11).plan(hold, Map.of(), NOW)).reason())
                .isEqualTo(LimitRejection.Reason.RETURN_EXCEEDS_USED);

        Plan plan = new LimitOperation.Return("h-1", PATH, 10).plan(hold, Map.of(), NOW);
        assertThat(plan.entries()).extracting(NodeDelta::retiredMinor).containsExactly(0L, 0L, 0L, 10L);
    }

    @Test
    void a_clearance_takes_available_to_zero_from_fixed_first() {
        Balances b = new Balances(100, 50, NOW.plusSeconds(60), 0, 10, 20, 0);
        Plan plan = new LimitOperation.Clear(List.of(1L), 1).plan(null, Map.of(1L, b), NOW);

        Balances after = FlowRule.apply(b, plan.entries().get(0), NOW);
        assertThat(after.availableAt(NOW)).isZero();
        assertThat(after.fixedMinor()).isZero();
        assertThat(after.temporaryMinor()).isEqualTo(30);
    }

    @Test
    void a_frozen_cleared_or_expired_line_takes_no_caller_operation_and_says_what_to_do() {
        CreditLine active = new CreditLine("L-1", "G", "H", LimitType.GUARANTEE, "CNY", "S", NOW.minusSeconds(10),
                NOW.plusSeconds(10), true, java.math.BigDecimal.ZERO, LineStatus.ACTIVE, null);
        active.ensureUsableAt(NOW, "repayment");

        LimitRejection frozen = catchThrowableOfType(LimitRejection.class,
                () -> active.withStatus(LineStatus.FROZEN, null).ensureUsableAt(NOW, "repayment"));
        assertThat(frozen.reason()).isEqualTo(LimitRejection.Reason.LINE_FROZEN);
        assertThat(frozen.getMessage())
                .isEqualTo("line L-1 is frozen; unfreeze the line, then retry the repayment with the same request id");
        LimitRejection cleared = catchThrowableOfType(LimitRejection.class,
                () -> active.withStatus(LineStatus.CLEARED, "c-1").ensureUsableAt(NOW, "release of the hold"));
        assertThat(cleared.reason()).isEqualTo(LimitRejection.Reason.LINE_CLEARED);
        assertThat(cleared.getMessage()).contains("is cleared; restore the line, then retry the release of the hold");
        LimitRejection expired = catchThrowableOfType(LimitRejection.class,
                () -> active.ensureUsableAt(NOW.plusSeconds(10), "use"));
        assertThat(expired.reason()).isEqualTo(LimitRejection.Reason.LINE_EXPIRED);
        assertThat(expired.getMessage()).contains("expired at " + NOW.plusSeconds(10), "renew the line's term");
        assertThat(catchThrowableOfType(LimitRejection.class,
                () -> active.ensureUsableAt(NOW.minusSeconds(11), "hold")).getMessage()).contains("once its term has begun");
    }

    @Test
    void each_operation_names_itself_as_the_caller_would() {
        Hold hold = new Hold("h-1", "L-1", 3, "CNY", 25, 0, 0, null);
        assertThat(List.of(new LimitOperation.Freeze("h-1", "L-1", "CNY", PATH, 1, null),
                new LimitOperation.UseHold("h-1", PATH, 1), new LimitOperation.Unfreeze(hold.holdId(), PATH, HoldRelease.CALLER),
                new LimitOperation.Disburse("h-1", PATH, 1), new LimitOperation.Return("h-1", PATH, 1)))
                .extracting(LimitOperation::describedAs)
                .containsExactly("hold", "use", "release of the hold", "disbursement", "repayment");
    }

    @Test
    void each_limit_type_has_its_control_mechanism() {
        assertThat(LimitType.GUARANTEE.mechanism().parentEdge()).isEqualTo(EdgeKind.USAGE);
        assertThat(LimitType.VENDOR_CREDIT_SALE.mechanism()).isEqualTo(ControlMechanism.CONTROL_USAGE);
        assertThat(LimitType.DOWNSTREAM_SELF_USE.mechanism()).isEqualTo(ControlMechanism.CONTROL_GRANT_GENERAL);
        assertThat(LimitType.UPSTREAM_SELF_USE.mechanism()).isEqualTo(ControlMechanism.CONTROL_GRANT_SPECIAL);
        assertThat(LimitType.UPSTREAM_SELF_USE.mechanism().parentEdge()).isEqualTo(EdgeKind.GRANT);
    }
}
