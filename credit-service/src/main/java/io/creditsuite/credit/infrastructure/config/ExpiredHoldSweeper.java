package io.creditsuite.credit.infrastructure.config;

import io.creditsuite.credit.application.ReleaseExpiredHoldsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Releases expired holds on a fixed delay (credit-suite.credit.expiry-sweep-interval). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExpiredHoldSweeper {
    private static final Logger log = LoggerFactory.getLogger(ExpiredHoldSweeper.class);

    private final ReleaseExpiredHoldsHandler release;

    ExpiredHoldSweeper(ReleaseExpiredHoldsHandler release) {
        this.release = release;
    }

    @Scheduled(fixedDelayString = "${credit-suite.credit.expiry-sweep-interval:1s}")
    void sweep() {
        try {
            int released = release.handle();
            if (released > 0) {
                log.info("released {} expired holds", released);
            }
        } catch (RuntimeException e) {
            log.warn("the expired-hold sweep failed; the next one retries", e);
        }
    }
}
