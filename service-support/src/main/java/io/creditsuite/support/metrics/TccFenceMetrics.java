package io.creditsuite.support.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The unfinished TCC branches of this resource manager, from its fence log ({@code tcc_fence_log}, kept by Seata in
 * the business transaction): {@code tcc_branches_unfinished} = branches tried more than {@link #STALE} ago whose
 * global transaction has not yet confirmed or cancelled them (their frozen money waits on the TC's phase two), and
 * {@code tcc_branches_suspended} = branches the fence suspended (a cancel that came before its try). Read at most
 * once per 10 s; NaN when the read fails.
 */
public final class TccFenceMetrics implements MeterBinder {
    /** Longer than a global transaction's timeout and its phase two's retries: a branch older than this is stuck. */
    static final Duration STALE = Duration.ofMinutes(2);
    private static final Duration REFRESH = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Instant readAt = Instant.EPOCH;
    private volatile double[] counts = {Double.NaN, Double.NaN};

    public TccFenceMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tcc.branches.unfinished", this, m -> m.read()[0])
                .description("TCC branches tried over " + STALE.toMinutes() + " min ago, neither confirmed nor cancelled")
                .register(registry);
        Gauge.builder("tcc.branches.suspended", this, m -> m.read()[1])
                .description("TCC branches the fence suspended (a cancel before its try)").register(registry);
    }

    private double[] read() {
        Instant now = clock.instant();
        if (now.isBefore(readAt.plus(REFRESH))) {
            return counts;
        }
        readAt = now;
        try {
            List<Long> rows = jdbc.queryForList("SELECT COUNT(*) FROM tcc_fence_log WHERE status = 1 AND gmt_create < ?"
                    + " UNION ALL SELECT COUNT(*) FROM tcc_fence_log WHERE status = 4", Long.class,
                    Timestamp.from(now.minus(STALE)));
            counts = new double[] {rows.get(0), rows.get(1)};
        } catch (RuntimeException e) {
            counts = new double[] {Double.NaN, Double.NaN};
        }
        return counts;
    }
}
