package io.creditsuite.approval.infrastructure.config;

import java.time.Duration;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/**
 * The service's background passes (grants, SLA escalation, dispatch) on Spring's scheduler, each with a fixed delay
 * between passes: a pass that did something logs how much, a pass that failed is logged and the next one retries.
 */
final class PeriodicSweep {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicSweep.class);

    private PeriodicSweep() {
    }

    /** @param pass one pass; returns how many items it handled ("{n} {done}" is logged when n > 0) */
    static SchedulingConfigurer every(Duration delay, String done, IntSupplier pass) {
        return registrar -> registrar.addFixedDelayTask(() -> {
            try {
                int handled = pass.getAsInt();
                if (handled > 0) {
                    LOG.info("{} {}", handled, done);
                }
            } catch (RuntimeException e) {
                LOG.warn("a pass ({}) failed; the next one retries", done, e);
            }
        }, delay);
    }
}
