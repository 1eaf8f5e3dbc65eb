package io.creditsuite.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WatermarkFloorTest {

    @ParameterizedTest(name = "floor {0}, overdraft {1}: available {2} - queued {3} - amount {4} -> {5}")
    @CsvSource(nullValues = "null", value = {
            // exactly at the floor is allowed, one below is not
            "1000, 0, 5000, 3500, 500, true",
            "1000, 0, 5000, 3500, 501, false",
            // no floor: the overdraft bound, 0 without an overdraft
            "null, 0, 500, 0, 500, true",
            "null, 0, 500, 0, 501, false",
            "null, 200, 500, 0, 700, true",
            "null, 200, 500, 0, 701, false",
            // a floor below the overdraft bound does not widen it; above it, it narrows it
            "-1000, 200, 500, 0, 701, false",
            "100, 200, 500, 0, 401, false",
            // what other instances queued counts as much as this one's
            "0, 0, 1000, 600, 600, false",
            "0, 0, 1000, 400, 600, true",
            // near Long.MIN_VALUE the difference does not wrap into an acceptance
            "null, 0, -9223372036854775807, 9223372036854775807, 1, false"
    })
    void an_outflow_is_admitted_only_while_available_minus_queued_minus_amount_stays_at_or_above_the_bound(
            Long floor, long overdraft, long available, long queued, long amount, boolean admitted) {
        assertThat(new WatermarkFloor(floor, overdraft).admits(available, queued, amount)).isEqualTo(admitted);
    }

    @Test
    void the_bound_is_the_higher_of_the_floor_and_the_overdraft_allowance() {
        assertThat(new WatermarkFloor(null, 0).boundMinor()).isZero();
        assertThat(new WatermarkFloor(null, 300).boundMinor()).isEqualTo(-300);
        assertThat(new WatermarkFloor(1_000L, 300).boundMinor()).isEqualTo(1_000);
        assertThat(new WatermarkFloor(-1_000L, 300).boundMinor()).isEqualTo(-300);
    }

    @Test
    void a_non_positive_amount_or_a_negative_queue_is_a_programming_error() {
        WatermarkFloor floor = new WatermarkFloor(null, 0);
        assertThatThrownBy(() -> floor.admits(100, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> floor.admits(100, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WatermarkFloor(null, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
