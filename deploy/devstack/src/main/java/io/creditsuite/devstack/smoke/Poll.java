package io.creditsuite.devstack.smoke;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Asks again until an answer satisfies a condition or a deadline passes. Phase 2 of Seata and
 * message delivery are asynchronous, so every check of them is a bounded poll, never a sleep.
 * An exception from the probe counts as "not yet" and is kept for the report.
 */
public final class Poll {

    private Poll() {
    }

    public static <T> Outcome<T> until(Supplier<T> probe, Predicate<T> done, Duration timeout, Duration interval) {
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        T last = null;
        RuntimeException lastError = null;
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                last = probe.get();
                lastError = null;
                if (done.test(last)) {
                    return new Outcome<>(true, last, null, attempts, Duration.ofNanos(System.nanoTime() - began));
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (System.nanoTime() + interval.toNanos() > deadline) {
                return new Outcome<>(false, last, lastError, attempts, Duration.ofNanos(System.nanoTime() - began));
            }
            sleep(interval);
        }
    }

    private static void sleep(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }

    /**
     * @param satisfied whether the condition held before the deadline
     * @param last      the last answer (null if every attempt threw)
     * @param lastError the exception of the last attempt, if it threw
     */
    public record Outcome<T>(boolean satisfied, T last, RuntimeException lastError, int attempts, Duration waited) {

        /** The last answer, or the last error, for a failure message. */
        public String lastSeen() {
            if (lastError != null) {
                return lastError.getMessage();
            }
            return String.valueOf(last);
        }
    }
}
