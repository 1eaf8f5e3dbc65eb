package io.creditsuite.account.infrastructure.metrics;

import io.creditsuite.account.application.GroupCommitWriters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's operational state for SREs (Prometheus names):
 * <pre>
 *   ledger_hot_lanes                      hot accounts with a group-commit writer now
 *   ledger_hot_queued                     postings queued on those lanes, not yet in a batch (the hot backlog)
 *   ledger_hot_batches_total              group-commit transactions; ledger_hot_batched_postings_total / it = mean batch
 *   ledger_buffered_backlog               buffered postings (缓冲记账) accepted and not yet applied to their account
 *   ledger_day_end_last_completed_timestamp_seconds   when the last day-end cutover (日切) completed, 0 if never
 *   ledger_day_end_running_seconds        how long the cutover in progress has run, 0 when none runs
 * </pre>
 * The database-backed values are read at most once per {@link #REFRESH}, however many scrapers ask; a read that fails
 * leaves NaN, so a gap shows in the graph instead of a stale value.
 */
public class LedgerMetrics implements MeterBinder {
    static final Duration REFRESH = Duration.ofSeconds(10);

    private final GroupCommitWriters writers;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Instant readAt = Instant.EPOCH;
    private volatile double[] state = {Double.NaN, Double.NaN, Double.NaN};

    public LedgerMetrics(GroupCommitWriters writers, JdbcTemplate jdbc, Clock clock) {
        this.writers = writers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ledger.hot.lanes", writers, GroupCommitWriters::lanes)
                .description("hot accounts with a group-commit writer").register(registry);
        Gauge.builder("ledger.hot.queued", writers, GroupCommitWriters::queued)
                .description("postings queued on the hot accounts' lanes, not yet in a batch").register(registry);
        FunctionCounter.builder("ledger.hot.batches", writers, w -> w.batchesAndPostings()[0])
                .description("group-commit transactions run by the hot accounts' lanes").register(registry);
        FunctionCounter.builder("ledger.hot.batched.postings", writers, w -> w.batchesAndPostings()[1])
                .description("postings carried by those transactions").register(registry);
        Gauge.builder("ledger.buffered.backlog", this, m -> m.read()[0])
                .description("buffered postings accepted and not yet applied").register(registry);
        Gauge.builder("ledger.day_end.last.completed", this, m -> m.read()[1]).baseUnit("timestamp_seconds")
                .description("when the last day-end cutover completed (epoch seconds), 0 if never").register(registry);
        Gauge.builder("ledger.day_end.running", this, m -> m.read()[2]).baseUnit("seconds")
                .description("how long the day-end cutover in progress has run, 0 when none runs").register(registry);
    }

    private double[] read() {
        Instant now = clock.instant();
        if (now.isBefore(readAt.plus(REFRESH))) {
            return state;
        }
        readAt = now;
        try {
            Long backlog = jdbc.queryForObject("SELECT COUNT(*) FROM buffered_outflow", Long.class);
            Map<String, Object> day = jdbc.queryForMap("SELECT COALESCE(UNIX_TIMESTAMP(MAX(completed_at)), 0) AS done,"
                    + " MIN(CASE WHEN completed_at IS NULL THEN UNIX_TIMESTAMP(started_at) END) AS running"
                    + " FROM day_end_cutover");
            double running = day.get("running") instanceof Number started
                    ? Math.max(0, now.getEpochSecond() - started.doubleValue()) : 0;
            state = new double[] {backlog, ((Number) day.get("done")).doubleValue(), running};
        } catch (RuntimeException e) {
            state = new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        return state;
    }
}
