package io.creditsuite.reconcile.domain.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BalanceEquationTest {
    private final BalanceEquation creditUsedIsPrincipal = new BalanceEquation(
            Map.of("creditUsed", 1L, "principalOutstanding", -1L), 0);

    @Test
    void equal_balances_hold_and_a_drift_of_one_minor_unit_does_not() {
        assertThat(creditUsedIsPrincipal.evaluate(Map.of("creditUsed", 30_000L, "principalOutstanding", 30_000L))
                .holds()).isTrue();
        BalanceEquation.Evaluation off = creditUsedIsPrincipal.evaluate(Map.of("creditUsed", 30_001L,
                "principalOutstanding", 30_000L));
        assertThat(off.holds()).isFalse();
        assertThat(off.drift()).isEqualTo(1);
    }

    @Test
    void a_tolerance_accepts_drifts_up_to_it_in_both_directions() {
        BalanceEquation loose = new BalanceEquation(Map.of("a", 1L, "b", -1L), 5);
        assertThat(loose.evaluate(Map.of("a", 105L, "b", 100L)).holds()).isTrue();
        assertThat(loose.evaluate(Map.of("a", 95L, "b", 100L)).holds()).isTrue();
        assertThat(loose.evaluate(Map.of("a", 94L, "b", 100L)).holds()).isFalse();
    }

    @Test
    void a_missing_balance_is_not_a_zero_and_an_overflow_is_an_error() {
        Map<String, Long> partial = new HashMap<>();
        partial.put("creditUsed", 0L);
        BalanceEquation.Evaluation missing = creditUsedIsPrincipal.evaluate(partial);
        assertThat(missing.holds()).isFalse();
        assertThat(missing.missing()).containsExactly("principalOutstanding");
        assertThatThrownBy(() -> new BalanceEquation(Map.of("a", 2L), 0).evaluate(Map.of("a", Long.MAX_VALUE)))
                .isInstanceOf(ArithmeticException.class);
        assertThat(new BalanceEquation(Map.of("a", 1L), Long.MAX_VALUE).evaluate(Map.of("a", Long.MIN_VALUE))
                .holds()).isFalse();
        assertThatThrownBy(() -> new BalanceEquation(Map.of("a", 1L), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
