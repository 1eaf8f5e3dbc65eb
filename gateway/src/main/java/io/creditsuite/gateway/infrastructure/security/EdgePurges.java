package io.creditsuite.gateway.infrastructure.security;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the bounded purges of the partner edge (expired nonces, expired idempotency records) on one daemon thread,
 * each at its own fixed delay. A failed purge is logged and tried again at the next turn.
 */
public class EdgePurges implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EdgePurges.class);

    public record Purge(String name, Duration every, java.util.function.IntSupplier run) {
    }

    private final java.util.List<Purge> purges;
    private ScheduledExecutorService executor;

    public EdgePurges(java.util.List<Purge> purges) {
        this.purges = java.util.List.copyOf(purges);
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "edge-purges");
            t.setDaemon(true);
            return t;
        });
        for (Purge purge : purges) {
            long millis = purge.every().toMillis();
            executor.scheduleWithFixedDelay(() -> runOnce(purge), millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    private static void runOnce(Purge purge) {
        try {
            int deleted = purge.run().getAsInt();
            if (deleted > 0) {
                log.info("purged {} expired {}", deleted, purge.name());
            }
        } catch (RuntimeException e) {
            log.warn("purge of {} failed; next turn will retry", purge.name(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
