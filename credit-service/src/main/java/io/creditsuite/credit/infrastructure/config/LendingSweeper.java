package io.creditsuite.credit.infrastructure.config;

import io.creditsuite.credit.application.lending.CompleteDisbursementHandler;
import io.creditsuite.credit.application.lending.ResolvePendingLoansHandler;
import io.creditsuite.credit.application.lending.SettleRepaymentHandler;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Lending's safety nets, on a fixed delay (credit-suite.lending.sweep-interval): PENDING loans past the global
 * timeout settled from the facts, DISBURSING loans completed once the ledger paid out, PENDING repayments retried.
 * Each pass is idempotent, so several instances may run it at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LendingSweeper {
    private static final Logger log = LoggerFactory.getLogger(LendingSweeper.class);
    /** A DISBURSING loan younger than this is left to the completion that follows its commit. */
    private static final Duration DISBURSING_MIN_AGE = Duration.ofSeconds(1);

    private final ResolvePendingLoansHandler pending;
    private final CompleteDisbursementHandler disbursements;
    private final SettleRepaymentHandler repayments;
    private final LendingProperties properties;

    LendingSweeper(ResolvePendingLoansHandler pending, CompleteDisbursementHandler disbursements,
                   SettleRepaymentHandler repayments, LendingProperties properties) {
        this.pending = pending;
        this.disbursements = disbursements;
        this.repayments = repayments;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${credit-suite.lending.sweep-interval:5s}")
    void sweep() {
        try {
            int resolved = pending.resolve(properties.sweepBatch());
            int disbursed = disbursements.sweep(DISBURSING_MIN_AGE, properties.sweepBatch());
            int settled = repayments.sweep(properties.repaymentRetryAfter(), properties.sweepBatch());
            if (resolved + disbursed + settled > 0) {
                log.info("lending sweep: {} pending loans resolved, {} disbursed, {} repayments settled", resolved,
                        disbursed, settled);
            }
        } catch (RuntimeException e) {
            log.warn("the lending sweep failed; the next one retries", e);
        }
    }
}
