package io.creditsuite.gateway.domain.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallbackBackoffTest {
    private final CallbackBackoff standard = CallbackBackoff.standard();

    @Test
    void the_delay_doubles_from_ten_seconds_and_stops_at_ten_minutes() {
        long[] expectedSeconds = {10, 20, 40, 80, 160, 320, 600, 600, 600, 600, 600};
        for (int n = 1; n <= expectedSeconds.length; n++) {
            assertEquals(Duration.ofSeconds(expectedSeconds[n - 1]), standard.delayAfter(n), "after attempt " + n);
        }
    }

    @Test
    void the_delay_never_shrinks_nor_overflows_however_many_attempts() {
        Duration previous = Duration.ZERO;
        for (int n = 1; n <= 200; n++) {
            Duration delay = standard.delayAfter(n);
            assertTrue(delay.compareTo(previous) >= 0, "after attempt " + n);
            assertTrue(delay.compareTo(Duration.ofMinutes(10)) <= 0, "after attempt " + n);
            previous = delay;
        }
        assertEquals(Duration.ofMinutes(10), standard.delayAfter(Integer.MAX_VALUE));
    }

    @Test
    void twelve_attempts_are_made_then_the_delivery_is_given_up() {
        assertFalse(standard.exhausted(11));
        assertTrue(standard.exhausted(12));
        assertTrue(standard.exhausted(13));
    }

    @Test
    void the_next_attempt_is_the_failure_time_plus_the_delay() {
        Instant failedAt = Instant.parse("2026-12-03T10:00:00Z");
        assertEquals(failedAt.plusSeconds(40), standard.nextAttempt(3, failedAt));
    }

    @Test
    void nonsense_settings_and_attempt_numbers_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> standard.delayAfter(0));
        assertThrows(IllegalArgumentException.class, () -> new CallbackBackoff(Duration.ZERO, Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new CallbackBackoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new CallbackBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0));
    }
}
