package io.creditsuite.support.schedule;

import java.time.Duration;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/**
 * A service's background passes (approval's grants, SLA escalation and dispatch; reconcile's overdue pairs, gauges and
 * alert pushes) on Spring's scheduler, each with a fixed delay between passes: a pass that did something logs how
 * much, a pass that failed is logged and the next one retries. Register the returned configurer as a bean.
 */
public final class PeriodicSweep {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicSweep.class);

    private PeriodicSweep() {
    }

    /** @param pass one pass; returns how many items it handled ("{n} {done}" is logged when n > 0) */
    public static SchedulingConfigurer every(Duration delay, String done, IntSupplier pass) {
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
