package io.creditsuite.credit.infrastructure.config;

import io.creditsuite.credit.application.ReleaseExpiredHoldsHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Releases expired holds on a fixed delay (credit-suite.credit.expiry-sweep-interval), counted as
 * {@code credit_holds_expired_total} and, when a sweep fails, {@code credit_hold_expiry_failures_total}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExpiredHoldSweeper {
    private static final Logger log = LoggerFactory.getLogger(ExpiredHoldSweeper.class);

    private final ReleaseExpiredHoldsHandler release;
    private final Counter expired;
    private final Counter failures;

    ExpiredHoldSweeper(ReleaseExpiredHoldsHandler release, MeterRegistry meters) {
        this.release = release;
        this.expired = Counter.builder("credit.holds.expired").description("holds the expiry sweeper released")
                .register(meters);
        this.failures = Counter.builder("credit.hold.expiry.failures").description("expiry sweeps that failed")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${credit-suite.credit.expiry-sweep-interval:1s}")
    void sweep() {
        try {
            int released = release.handle();
            expired.increment(released);
            if (released > 0) {
                log.info("released {} expired holds", released);
            }
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("the expired-hold sweep failed; the next one retries", e);
        }
    }
}
