package io.creditsuite.gateway.infrastructure.callback;

import io.creditsuite.gateway.application.callback.DispatchCallbacks;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link DispatchCallbacks#dispatchDue} with the clock's time on {@code threads} daemon threads, each at a fixed
 * delay, apart from the MQ consumer's threads and the HTTP workers. Several threads share the due rows through the
 * claims (as several gateway instances do), so one partner that times out does not hold up every other callback.
 * A failed pass (database away) is logged; the next one retries.
 * Each pass's attempts are counted as {@code cs.gateway.callbacks{outcome=delivered|retrying|gave_up|lost}} (Prometheus
 * {@code cs_gateway_callbacks_total}): an alert on {@code gave_up} tells operators before a partner does.
 */
public class CallbackDispatchRunner implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(CallbackDispatchRunner.class);

    private final DispatchCallbacks dispatch;
    private final Clock clock;
    private final Duration every;
    private final int threads;
    private ScheduledExecutorService executor;

    public CallbackDispatchRunner(DispatchCallbacks dispatch, Clock clock, Duration every, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("the dispatcher needs at least one thread, got " + threads);
        }
        this.dispatch = dispatch;
        this.clock = clock;
        this.every = every;
        this.threads = threads;
    }

    @Override
    public synchronized void start() {
        AtomicInteger numbers = new AtomicInteger();
        executor = Executors.newScheduledThreadPool(threads, r -> {
            Thread t = new Thread(r, "callback-dispatch-" + numbers.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long millis = every.toMillis();
        for (int i = 0; i < threads; i++) {
            // staggered, so the threads do not all scan the same due rows at the same moment
            long firstDelay = millis + i * millis / threads;
            executor.scheduleWithFixedDelay(this::runOnce, firstDelay, millis, TimeUnit.MILLISECONDS);
        }
    }

    private void runOnce() {
        try {
            DispatchCallbacks.Pass pass = dispatch.dispatchDue(clock.instant());
            count("delivered", pass.delivered());
            count("retrying", pass.retrying());
            count("gave_up", pass.gaveUp());
            count("lost", pass.lost());
        } catch (RuntimeException e) {
            log.warn("a callback dispatch pass failed; the next one retries", e);
        }
    }

    private static void count(String outcome, int attempts) {
        if (attempts > 0) {
            Metrics.counter("cs.gateway.callbacks", "outcome", outcome).increment(attempts);
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
