package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The benchmark's own money check, without running the benchmark: it fails on an overdraft or on lost money. */
class CreditHotNodeBenchmarkCheckTest {
    @Test
    void a_benchmark_that_finds_an_overdrawn_node_fails() {
        assertThatThrownBy(() -> CreditHotNodeBenchmark.requireNoOverdraftAndNoLostMoney(1, 0))
                .isInstanceOf(AssertionError.class).hasMessageContaining("1 nodes with used + frozen > limit");
    }

    @Test
    void a_benchmark_that_finds_lost_or_created_money_fails() {
        assertThatThrownBy(() -> CreditHotNodeBenchmark.requireNoOverdraftAndNoLostMoney(0, 3))
                .isInstanceOf(AssertionError.class).hasMessageContaining("3 minor units lost or created");
    }

    @Test
    void a_clean_benchmark_passes() {
        assertThatCode(() -> CreditHotNodeBenchmark.requireNoOverdraftAndNoLostMoney(0, 0)).doesNotThrowAnyException();
    }
}
