package io.creditsuite.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The rules of the day-end cutover (日切), end-of-day balances and near-real-time balance. */
class DayEndRulesTest {
    private static final LocalDate T = LocalDate.of(2026, 11, 22);

    @Test
    void only_the_date_in_force_can_be_closed_and_only_after_every_earlier_cutover_completed() {
        DayEndCutover.requireMayClose(T, T, null);
        DayEndCutover done = DayEndCutover.switched(T.minusDays(1), null, 10).folded().completedAt(Instant.EPOCH);
        DayEndCutover.requireMayClose(T, T, done);

        assertThat(catchThrowableOfType(DayEndException.class, () -> DayEndCutover.requireMayClose(T.plusDays(1), T, done))
                .error()).isEqualTo(DayEndError.DATE_NOT_NEXT);
        assertThat(catchThrowableOfType(DayEndException.class, () -> DayEndCutover.requireMayClose(T.minusDays(1), T, done))
                .error()).isEqualTo(DayEndError.DATE_NOT_NEXT);
        DayEndCutover stuck = DayEndCutover.switched(T.minusDays(1), null, 10);
        DayEndException e = catchThrowableOfType(DayEndException.class, () -> DayEndCutover.requireMayClose(T, T, stuck));
        assertThat(e.error()).isEqualTo(DayEndError.PREVIOUS_INCOMPLETE);
        assertThat(e.getMessage()).contains(T.minusDays(1).toString(), "SWITCHED");
    }

    @Test
    void a_cutover_goes_switched_then_snapshotting_with_a_cursor_that_only_moves_forward_then_completed() {
        DayEndCutover c = DayEndCutover.switched(T, T.minusDays(1), 100);
        assertThat(c.nextDate()).isEqualTo(T.plusDays(1));
        assertThatThrownBy(() -> c.advancedTo(10, 10)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> c.completedAt(Instant.EPOCH)).isInstanceOf(IllegalStateException.class);

        DayEndCutover s = c.folded().advancedTo(40, 40).advancedTo(100, 60);
        assertThat(s.cursor()).isEqualTo(100);
        assertThat(s.accountsSnapshotted()).isEqualTo(100);
        assertThatThrownBy(() -> s.advancedTo(100, 1)).as("the cursor never goes back or stays").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> c.folded().advancedTo(101, 1)).as("never past the last account").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::folded).isInstanceOf(IllegalStateException.class);
        assertThat(s.completedAt(Instant.EPOCH).completed()).isTrue();
        assertThatThrownBy(() -> DayEndCutover.switched(T, T, 1)).as("previous closed date before this one")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_end_of_day_balance_is_the_previous_one_plus_the_flows_since() {
        EndOfDayBalance b = EndOfDayBalance.close(7, T, "CNY", 1_000, -250, 3);
        assertThat(b.balanceMinor()).isEqualTo(750);
        assertThat(b.flowMinor()).isEqualTo(-250);
        assertThat(EndOfDayBalance.close(7, T, "CNY", 0, 40, 1).balanceMinor()).isEqualTo(40);
        assertThatThrownBy(() -> EndOfDayBalance.close(7, T, "CNY", Long.MAX_VALUE, 1, 1))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.error()).isEqualTo(LedgerError.AMOUNT_OVERFLOW));
    }

    @Test
    void near_real_time_balance_starts_from_t_minus_two_or_t_minus_one_and_adds_flows_and_pending() {
        assertThat(NearRealTimeBalance.baseLimit(T, 2)).isEqualTo(T.minusDays(2));
        assertThat(NearRealTimeBalance.baseLimit(T, 1)).isEqualTo(T.minusDays(1));
        assertThatThrownBy(() -> NearRealTimeBalance.baseLimit(T, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NearRealTimeBalance.baseLimit(T, 3)).isInstanceOf(IllegalArgumentException.class);

        NearRealTimeBalance a = new NearRealTimeBalance(T.minusDays(2), 1_000, -300, 50);
        assertThat(a.balanceMinor()).isEqualTo(750);
        NearRealTimeBalance sum = a.plus(new NearRealTimeBalance(T.minusDays(3), 10, 5, 0));
        assertThat(sum.balanceMinor()).isEqualTo(765);
        assertThat(sum.baseDate()).isEqualTo(T.minusDays(3));
        assertThat(a.plus(new NearRealTimeBalance(null, 0, 5, 0)).baseDate()).isNull();
        assertThatThrownBy(() -> new NearRealTimeBalance(null, Long.MAX_VALUE, 1, 0).balanceMinor())
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.error()).isEqualTo(LedgerError.AMOUNT_OVERFLOW));
    }
}
