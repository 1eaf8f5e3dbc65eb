package io.creditsuite.credit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class HoldGuardTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final LimitPath PATH = new LimitPath(List.of(new PathNode(3, true), new PathNode(1, true)), 1);
    private static final Hold CALLERS = new Hold("h-1", "L-1", 3, "CNY", 300, 0, 0, null);
    private static final Hold TCC = new Hold("h-2", "L-1", 3, "CNY", 300, 0, 0, null, "10.0.0.1:8091:42");

    @Test
    void a_tcc_hold_cannot_be_used_in_part_or_whole_nor_released_by_a_caller() {
        assertThat(refusal(() -> new LimitOperation.UseHold("h-2", PATH, 100).plan(TCC, Map.of(), NOW)))
                .isEqualTo(LimitRejection.Reason.HOLD_IN_GLOBAL_TRANSACTION);
        assertThat(refusal(() -> new LimitOperation.UseHold("h-2", PATH, 300).plan(TCC, Map.of(), NOW)))
                .isEqualTo(LimitRejection.Reason.HOLD_IN_GLOBAL_TRANSACTION);
        assertThat(refusal(() -> new LimitOperation.Unfreeze("h-2", PATH, HoldRelease.CALLER).plan(TCC, Map.of(), NOW)))
                .isEqualTo(LimitRejection.Reason.HOLD_IN_GLOBAL_TRANSACTION);
    }

    @Test
    void the_confirm_uses_exactly_what_the_try_froze_and_nothing_else() {
        Plan confirm = new LimitOperation.ConfirmTry("h-2", PATH, 300).plan(TCC, Map.of(), NOW);
        assertThat(confirm.type()).isEqualTo(FlowType.USE);
        assertThat(confirm.holdAfter().frozenMinor()).isZero();
        assertThat(confirm.holdAfter().inTransitMinor()).isEqualTo(300);
        assertThat(confirm.entries()).allSatisfy(e -> assertThat(e.inTransitMinor()).isEqualTo(300));

        assertThat(refusal(() -> new LimitOperation.ConfirmTry("h-2", PATH, 200).plan(TCC, Map.of(), NOW)))
                .as("less than the try froze").isEqualTo(LimitRejection.Reason.HOLD_IN_GLOBAL_TRANSACTION);
        Hold usedUp = TCC.plus(-300, 300, 0);
        assertThat(refusal(() -> new LimitOperation.ConfirmTry("h-2", PATH, 300).plan(usedUp, Map.of(), NOW)))
                .as("nothing frozen any more").isEqualTo(LimitRejection.Reason.HOLD_IN_GLOBAL_TRANSACTION);
        assertThat(refusal(() -> new LimitOperation.ConfirmTry("h-1", PATH, 300).plan(CALLERS, Map.of(), NOW)))
                .as("a caller's hold").isEqualTo(LimitRejection.Reason.HOLD_IN_GLOBAL_TRANSACTION);
        assertThat(refusal(() -> new LimitOperation.Unfreeze("h-1", PATH, HoldRelease.TCC_CANCEL)
                .plan(CALLERS, Map.of(), NOW))).as("a cancel of a caller's hold")
                .isEqualTo(LimitRejection.Reason.HOLD_IN_GLOBAL_TRANSACTION);
    }

    @Test
    void the_cancel_releases_all_the_try_froze() {
        Plan cancel = new LimitOperation.Unfreeze("h-2", PATH, HoldRelease.TCC_CANCEL).plan(TCC, Map.of(), NOW);
        assertThat(cancel.type()).isEqualTo(FlowType.UNFREEZE);
        assertThat(cancel.entries()).allSatisfy(e -> assertThat(e.frozenMinor()).isEqualTo(-300));
    }

    @Test
    void the_expiry_never_releases_a_tcc_hold_and_a_tcc_try_takes_no_expiry() {
        Hold expiredTcc = new Hold("h-2", "L-1", 3, "CNY", 300, 0, 0, NOW.minusSeconds(1), "xid");
        assertThat(refusal(() -> new LimitOperation.Unfreeze("h-2", PATH, HoldRelease.EXPIRY)
                .plan(expiredTcc, Map.of(), NOW))).isEqualTo(LimitRejection.Reason.HOLD_IN_GLOBAL_TRANSACTION);
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new LimitOperation.Freeze("h-3", "L-1",
                "CNY", PATH, 1, NOW.plusSeconds(60), "xid"))).isNotNull();
    }

    @Test
    void an_expired_hold_answers_hold_expired_before_and_after_the_sweeper_released_it_whatever_the_amount() {
        Hold expired = new Hold("h-1", "L-1", 3, "CNY", 40, 0, 0, NOW);
        Hold released = expired.plus(-40, 0, 0);
        for (Hold hold : List.of(expired, released)) {
            for (long amount : List.of(1L, 40L, 41L, Long.MAX_VALUE)) {
                assertThat(refusal(() -> new LimitOperation.UseHold("h-1", PATH, amount).plan(hold, Map.of(), NOW)))
                        .as("frozen %d, use %d", hold.frozenMinor(), amount).isEqualTo(LimitRejection.Reason.HOLD_EXPIRED);
            }
        }
    }

    @Test
    void a_callers_hold_moves_as_before() {
        Plan use = new LimitOperation.UseHold("h-1", PATH, 100).plan(CALLERS, Map.of(), NOW);
        assertThat(use.holdAfter().frozenMinor()).isEqualTo(200);
        assertThat(refusal(() -> new LimitOperation.UseHold("h-1", PATH, 301).plan(CALLERS, Map.of(), NOW)))
                .isEqualTo(LimitRejection.Reason.USE_EXCEEDS_HOLD);
        assertThat(refusal(() -> new LimitOperation.Disburse("h-1", PATH, 1).plan(CALLERS, Map.of(), NOW)))
                .isEqualTo(LimitRejection.Reason.DISBURSE_EXCEEDS_IN_TRANSIT);
        Hold confirmedTcc = TCC.plus(-300, 300, 0);
        assertThat(new LimitOperation.Disburse("h-2", PATH, 300).plan(confirmedTcc, Map.of(), NOW).holdAfter().inUseMinor())
                .as("after phase two, a TCC hold's in-transit is the caller's to disburse").isEqualTo(300);
    }

    @Test
    void a_hold_amount_past_the_largest_value_is_an_overflow_not_a_wrap() {
        Hold big = new Hold("h-1", "L-1", 3, "CNY", 1, Long.MAX_VALUE, 0, null);
        assertThat(refusal(() -> big.plus(-1, 1, 0))).isEqualTo(LimitRejection.Reason.AMOUNT_OVERFLOW);
    }

    private static LimitRejection.Reason refusal(ThrowingCallable call) {
        LimitRejection refused = catchThrowableOfType(LimitRejection.class, call);
        assertThat(refused).as("a LimitRejection").isNotNull();
        return refused.reason();
    }
}
