package io.creditsuite.reconcile.infrastructure.bcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BcpMetricsTest {

    @Test
    void lag_is_event_time_to_checked_never_negative_and_failures_count() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BcpMetrics metrics = new BcpMetrics(null, meters);
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        metrics.checked(now.minusMillis(1500), now);
        metrics.checked(now.plusSeconds(3), now); // a producer's clock ahead of ours
        metrics.checkFailed();
        metrics.sweepFailed();
        metrics.sweepFailed();
        assertThat(meters.get("bcp.check.lag").timer().count()).isEqualTo(2);
        assertThat(meters.get("bcp.check.lag").timer().max(TimeUnit.MILLISECONDS)).isEqualTo(1500);
        assertThat(meters.get("bcp.check.failures").counter().count()).isEqualTo(1);
        assertThat(meters.get("bcp.sweep.failures").counter().count()).isEqualTo(2);
    }
}
