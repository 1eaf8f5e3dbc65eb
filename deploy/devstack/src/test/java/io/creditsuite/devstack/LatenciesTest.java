package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void a_percentile_is_the_smallest_sample_with_that_share_at_or_below_it() {
        Latencies latencies = new Latencies(IntStream.rangeClosed(1, 100).mapToObj(Duration::ofMillis).toList());

        assertThat(latencies.millis(50)).isEqualTo(50.0);
        assertThat(latencies.millis(99)).isEqualTo(99.0);
        assertThat(latencies.millis(100)).isEqualTo(100.0);
        assertThat(latencies.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void one_slow_sample_in_ten_is_the_p99_and_the_order_of_recording_does_not_matter() {
        Latencies latencies = new Latencies(List.of(Duration.ofMillis(900), Duration.ofMillis(10), Duration.ofMillis(12),
                Duration.ofMillis(11), Duration.ofMillis(10), Duration.ofMillis(13), Duration.ofMillis(10),
                Duration.ofMillis(14), Duration.ofMillis(10), Duration.ofMillis(10)));

        assertThat(latencies.millis(50)).isEqualTo(10.0);
        assertThat(latencies.millis(90)).isEqualTo(14.0);
        assertThat(latencies.millis(99)).isEqualTo(900.0);
    }

    @Test
    void no_samples_read_as_zero_and_a_percentile_outside_0_to_100_is_refused() {
        assertThat(new Latencies(List.of()).millis(99)).isZero();
        assertThatThrownBy(() -> new Latencies(List.of()).millis(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
