package io.creditsuite.reconcile.infrastructure.bcp;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What SREs watch of BCP (Prometheus names): {@code bcp_discrepancies_open{rule, severity}} (OPEN or ACKNOWLEDGED,
 * refreshed from the table), {@code bcp_check_lag_seconds} (an event's time to the end of its check; p50 / p99
 * histogram), {@code bcp_sweep_failures_total} and {@code bcp_check_failures_total} (a check that fails to run),
 * {@code bcp_events_behind{topic}} (the consumer group's unconsumed events, from the broker; {@link EventsBehind})
 * and {@code bcp_events_behind_failures_total} (reads of it that failed; the gauge then keeps its last value),
 * {@code bcp_full_check_last_success_timestamp_seconds} and {@code bcp_full_check_last_failure_timestamp_seconds}
 * (epoch seconds of the latest full check that ran to its end, and of the latest that failed to run).
 */
public class BcpMetrics {
    private final JdbcTemplate jdbc;
    private final MultiGauge open;
    private final Timer lag;
    private final Counter sweepFailures;
    private final Counter checkFailures;
    private final MeterRegistry meters;
    /** The gauges' values by topic; held here, as a gauge only weakly references what it reads. */
    private final Map<String, AtomicLong> behind = new ConcurrentHashMap<>();
    private final Counter behindFailures;
    private final AtomicLong lastSuccess = new AtomicLong();
    private final AtomicLong lastFailure = new AtomicLong();

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
        this.meters = meters;
        this.behindFailures = Counter.builder("bcp.events.behind.failures")
                .description("reads of bcp_events_behind that failed (the gauge keeps its last value)").register(meters);
    }

    /** Sets {@code bcp_events_behind{topic}}; its series appears with the first value read. */
    public void eventsBehind(String topic, long events) {
        behind.computeIfAbsent(topic, t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("bcp.events.behind", value, AtomicLong::get).tag("topic", t)
                    .description("events of the topic BCP's consumer group has not consumed yet").register(meters);
            return value;
        }).set(events);
    }

    public void eventsBehindReadFailed() {
        behindFailures.increment();
    }

    /**
     * Re-reads the open discrepancies per rule and severity (rows that went to zero disappear), and when the full
     * check last completed (PASSED or FOUND: it ran) and last failed to run, from {@code bcp_full_check_run}, so the
     * figures survive a restart; each series appears with its first such run.
     */
    public void refresh() {
        fullCheckTime("bcp.full.check.last.success.timestamp", "when a BCP full check last ran to its end (PASSED or FOUND)",
                "'PASSED', 'FOUND'", lastSuccess);
        fullCheckTime("bcp.full.check.last.failure.timestamp", "when a BCP full check last failed to run", "'FAILED'",
                lastFailure);
        List<MultiGauge.Row<?>> rows = jdbc.query("SELECT rule_id, severity, COUNT(*) FROM bcp_discrepancy"
                        + " WHERE state <> 'RESOLVED' GROUP BY rule_id, severity",
                (rs, n) -> MultiGauge.Row.of(Tags.of("rule", rs.getString(1), "severity", rs.getString(2)),
                        rs.getLong(3)));
        open.register(rows, true);
    }

    private void fullCheckTime(String name, String description, String states, AtomicLong seconds) {
        java.sql.Timestamp at = jdbc.queryForObject("SELECT MAX(finished_at) FROM bcp_full_check_run WHERE state IN ("
                + states + ")", java.sql.Timestamp.class);
        if (at == null) {
            return;
        }
        if (seconds.getAndSet(at.toInstant().getEpochSecond()) == 0) {
            Gauge.builder(name, seconds, AtomicLong::get).baseUnit("seconds").description(description)
                    .strongReference(true).register(meters);
        }
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
