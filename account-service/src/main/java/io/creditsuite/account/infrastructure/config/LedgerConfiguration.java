package io.creditsuite.account.infrastructure.config;

import io.creditsuite.account.application.AggregateHandler;
import io.creditsuite.account.application.HotDetector;
import io.creditsuite.account.domain.PostingMode;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;

/**
 * Background work of the ledger: the summary-posting aggregator and the hot detector, on their
 * own scheduled threads.
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(LedgerConfiguration.class);

    /**
     * {@code credit-suite.ledger.*}.
     *
     * @param aggregateEvery how often the aggregator folds pending details
     * @param hotWindow      the hot detector's window
     * @param hotThreshold   postings per second on one account that make it hot
     * @param hotMode        the mode a hot account gets (ADD_FREQUENT or BUFFERED: no sub-accounts needed)
     * @param hotSwitch      true: switch the mode; false: only propose (log + metric)
     * @param hotCoolThreshold an account the detector switched to ADD_FREQUENT goes back to NORMAL when its
     *                       rate stays below this (postings/s) ...
     * @param hotCoolWindows ... for this many windows in a row (0: never switch back)
     */
    @ConfigurationProperties("credit-suite.ledger")
    record LedgerProperties(@DefaultValue("200ms") Duration aggregateEvery, @DefaultValue("true") boolean hotDetection,
                            @DefaultValue("10s") Duration hotWindow, @DefaultValue("500") double hotThreshold,
                            @DefaultValue("ADD_FREQUENT") PostingMode hotMode, @DefaultValue("false") boolean hotSwitch,
                            @DefaultValue("50") double hotCoolThreshold, @DefaultValue("3") int hotCoolWindows) {
    }

    private final AggregateHandler aggregator;
    private final HotDetector hotDetector;
    private final LedgerProperties properties;
    private ScheduledExecutorService scheduler;

    LedgerConfiguration(AggregateHandler aggregator, HotDetector hotDetector, LedgerProperties properties) {
        this.aggregator = aggregator;
        this.hotDetector = hotDetector;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (properties.hotMode().split()) {
            throw new IllegalStateException("credit-suite.ledger.hot-mode must not need sub-accounts: " + properties.hotMode());
        }
        hotDetector.configure(new HotDetector.Settings(properties.hotDetection(), properties.hotThreshold(),
                properties.hotMode(), properties.hotSwitch(), properties.hotCoolThreshold(), properties.hotCoolWindows()));
        scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "ledger-background");
            t.setDaemon(true);
            return t;
        });
        long every = properties.aggregateEvery().toMillis();
        scheduler.scheduleWithFixedDelay(() -> quietly("aggregator", () -> aggregator.drainAll()), every, every, TimeUnit.MILLISECONDS);
        if (properties.hotDetection()) {
            long window = properties.hotWindow().toMillis();
            scheduler.scheduleWithFixedDelay(() -> quietly("hot detector", () -> hotDetector.evaluate()), window, window,
                    TimeUnit.MILLISECONDS);
        }
    }

    private static void quietly(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("{} run failed; next run retries", what, e);
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
