package io.creditsuite.reconcile.infrastructure.bcp;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What SREs watch of BCP (Prometheus names): {@code bcp_discrepancies_open{rule, severity}} (OPEN or ACKNOWLEDGED,
 * refreshed from the table), {@code bcp_check_lag_seconds} (an event's time to the end of its check; p50 / p99
 * histogram), {@code bcp_sweep_failures_total} and {@code bcp_check_failures_total} (a check that fails to run).
 */
public class BcpMetrics {
    private final JdbcTemplate jdbc;
    private final MultiGauge open;
    private final Timer lag;
    private final Counter sweepFailures;
    private final Counter checkFailures;

    public BcpMetrics(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.open = MultiGauge.builder("bcp.discrepancies.open")
                .description("discrepancies not resolved, by rule and severity").register(meters);
        this.lag = Timer.builder("bcp.check.lag").description("event time to the end of its real-time check")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(meters);
        this.sweepFailures = Counter.builder("bcp.sweep.failures")
                .description("overdue sweeps that failed (the next one retries)").register(meters);
        this.checkFailures = Counter.builder("bcp.check.failures")
                .description("events whose real-time check failed to run (their queue retries)").register(meters);
    }

    /** Re-reads the open discrepancies per rule and severity (rows that went to zero disappear). */
    public void refresh() {
        List<MultiGauge.Row<?>> rows = jdbc.query("SELECT rule_id, severity, COUNT(*) FROM bcp_discrepancy"
                        + " WHERE state <> 'RESOLVED' GROUP BY rule_id, severity",
                (rs, n) -> MultiGauge.Row.of(Tags.of("rule", rs.getString(1), "severity", rs.getString(2)),
                        rs.getLong(3)));
        open.register(rows, true);
    }

    public void checked(Instant occurredAt, Instant now) {
        Duration d = Duration.between(occurredAt, now);
        lag.record(d.isNegative() ? Duration.ZERO : d);
    }

    public void sweepFailed() {
        sweepFailures.increment();
    }

    public void checkFailed() {
        checkFailures.increment();
    }
}
