package io.creditsuite.support.outbox;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link OutboxRelay} on one thread of its own: a round, then the next after {@link #nextDelay}; the purge of
 * old sent rows every {@code purgeEvery}. Starts after the topics exist ({@code MqTopicsAtStart} is the first
 * lifecycle) and stops before the producer is shut down (lifecycles stop before beans are destroyed).
 */
public final class OutboxRelayRunner implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelayRunner.class);
    private static final int PURGE_LIMIT = 10_000;
    private static final int PURGE_CHUNKS_PER_RUN = 1_000;

    private final OutboxRelay relay;
    private final OutboxProperties properties;
    private volatile ScheduledExecutorService thread;
    private int failedRounds;

    public OutboxRelayRunner(OutboxRelay relay, OutboxProperties properties) {
        this.relay = relay;
        this.properties = properties;
    }

    /**
     * The wait before the next round: none after a full batch (more may be waiting), the back-off after a failure
     * ({@code min(backoffMax, pollInterval * 2^(failedRounds - 1))}), else the poll interval.
     */
    static Duration nextDelay(OutboxRelay.Round round, int batchSize, int failedRounds, Duration pollInterval,
                              Duration backoffMax) {
        if (round.failed() > 0) {
            long factor = 1L << Math.min(20, Math.max(0, failedRounds - 1));
            Duration backoff = pollInterval.multipliedBy(factor);
            return backoff.compareTo(backoffMax) > 0 ? backoffMax : backoff;
        }
        return round.sent() >= batchSize ? Duration.ZERO : pollInterval;
    }

    private void runRound() {
        Duration delay = properties.pollInterval();
        try {
            OutboxRelay.Round round = relay.sendOnce();
            failedRounds = round.failed() > 0 ? failedRounds + 1 : 0;
            delay = nextDelay(round, properties.batchSize(), failedRounds, properties.pollInterval(),
                    properties.backoffMax());
        } catch (RuntimeException e) {
            failedRounds++;
            delay = nextDelay(new OutboxRelay.Round(false, 0, 1), properties.batchSize(), failedRounds,
                    properties.pollInterval(), properties.backoffMax());
            log.warn("outbox relay round failed (retry in {}): {}", delay, e.toString());
        }
        schedule(delay);
    }

    private void purge() {
        try {
            // in chunks of PURGE_LIMIT rows, each its own short statement, until the old rows are gone (bounded per run)
            int deleted = 0;
            for (int chunk = 0; chunk < PURGE_CHUNKS_PER_RUN; chunk++) {
                int n = relay.purgeSentBefore(properties.retention(), PURGE_LIMIT);
                deleted += n;
                if (n < PURGE_LIMIT) {
                    break;
                }
            }
            if (deleted > 0) {
                log.info("outbox: purged {} events sent more than {} ago", deleted, properties.retention());
            }
        } catch (RuntimeException e) {
            log.warn("outbox purge failed: {}", e.toString());
        }
    }

    private void schedule(Duration delay) {
        ScheduledExecutorService t = thread;
        if (t != null && !t.isShutdown()) {
            t.schedule(this::runRound, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void start() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread named = new Thread(r, "outbox-relay");
            named.setDaemon(true);
            return named;
        });
        // at stop: let a round in flight finish its marks, start no waiting one
        t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread = t;
        long purgeMillis = properties.purgeEvery().toMillis();
        t.scheduleWithFixedDelay(this::purge, purgeMillis, purgeMillis, TimeUnit.MILLISECONDS);
        t.execute(this::runRound);
        log.info("outbox relay started (poll {}, batch {}, retention {})", properties.pollInterval(),
                properties.batchSize(), properties.retention());
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = thread;
        thread = null;
        if (t != null) {
            t.shutdown();
            try {
                if (!t.awaitTermination(10, TimeUnit.SECONDS)) {
                    t.shutdownNow(); // a round stuck on the broker: its marks roll back, its rows are sent again later
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
