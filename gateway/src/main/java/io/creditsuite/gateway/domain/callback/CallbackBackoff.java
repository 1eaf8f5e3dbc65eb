package io.creditsuite.gateway.domain.callback;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed callback is tried again, and when the gateway stops trying.
 *
 * <p>Guarantees, with {@code n} the attempts made so far ({@code n >= 1}):
 * <ul>
 *   <li>{@code delayAfter(n) = min(first * 2^(n-1), cap)}: 10 s, 20 s, 40 s ... by default, never more than the cap
 *       (10 min), never overflowing however large {@code n}</li>
 *   <li>{@code delayAfter(n) <= delayAfter(n + 1)}</li>
 *   <li>{@code exhausted(n) <=> n >= maxAttempts}: a delivery is attempted at most {@code maxAttempts} times, then
 *       given up (an operator may re-arm it)</li>
 * </ul>
 */
public record CallbackBackoff(Duration first, Duration cap, int maxAttempts) {
    public CallbackBackoff {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= cap, got " + first + " and " + cap);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    public static CallbackBackoff standard() {
        return new CallbackBackoff(Duration.ofSeconds(10), Duration.ofMinutes(10), 12);
    }

    public boolean exhausted(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }

    public Duration delayAfter(int attemptsMade) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("no attempt made yet: " + attemptsMade);
        }
        Duration delay = first;
        // doubling stops at the cap, so no shift or multiplication can overflow
        for (int i = 1; i < attemptsMade && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /** When to try again after the {@code attemptsMade}-th attempt failed at {@code failedAt}. */
    public Instant nextAttempt(int attemptsMade, Instant failedAt) {
        return failedAt.plus(delayAfter(attemptsMade));
    }
}
