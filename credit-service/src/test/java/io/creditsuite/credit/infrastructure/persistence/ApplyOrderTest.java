package io.creditsuite.credit.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The turn is tested on a {@link ControlledTimer}: its time moves only when the test moves it, and every wait is
 * reported, so no test depends on how fast a loaded machine runs the waiting thread (the generous timeouts of
 * {@code get} only end a broken test).
 */
class ApplyOrderTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123456789Z");

    @Test
    void tickets_are_microseconds_and_strictly_increasing_even_on_a_clock_that_stands_still_or_steps_back() {
        MutableClock clock = new MutableClock(NOW);
        ApplyOrder order = new ApplyOrder(clock);
        Instant first = order.ticket();
        Instant second = order.ticket();
        clock.now = NOW.minusSeconds(3600);
        Instant third = order.ticket();

        assertThat(first).isEqualTo(NOW.truncatedTo(ChronoUnit.MICROS));
        assertThat(second).isEqualTo(first.plus(1, ChronoUnit.MICROS));
        assertThat(third).isEqualTo(second.plus(1, ChronoUnit.MICROS));
    }

    @Test
    void a_later_ticket_waits_for_the_earlier_one_to_pass() throws Exception {
        ControlledTimer timer = new ControlledTimer();
        ApplyOrder order = new ApplyOrder(new MutableClock(NOW), timer);
        Instant earlier = order.ticket();
        Instant later = order.ticket();
        List<String> applied = new CopyOnWriteArrayList<>();

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            order.awaitTurn(later);
            applied.add("later");
        });
        timer.awaitWaits(1);
        // the timer's time stands still, so the later ticket cannot give up: it waits until the earlier one passes
        assertThat(applied).as("the later ticket still waits").isEmpty();
        applied.add("earlier");
        order.passTurn(earlier);
        waiting.get(30, TimeUnit.SECONDS);

        assertThat(applied).containsExactly("earlier", "later");
        order.passTurn(later);
        // nothing earlier is outstanding: a new ticket's turn is at once (the timer's time still stands still)
        order.awaitTurn(order.ticket());
    }

    @Test
    void a_turn_is_waited_for_at_most_the_longest_wait() throws Exception {
        ControlledTimer timer = new ControlledTimer();
        ApplyOrder order = new ApplyOrder(new MutableClock(NOW), timer);
        order.ticket();
        Instant later = order.ticket();

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> order.awaitTurn(later));
        timer.awaitWaits(1);
        timer.nanos.set(ApplyOrder.LONGEST_WAIT.toNanos() - 1);
        timer.awaitWaitsAfterNow();
        assertThat(waiting).as("1 ns before the longest wait").isNotDone();

        timer.nanos.set(ApplyOrder.LONGEST_WAIT.toNanos());
        waiting.get(30, TimeUnit.SECONDS);
    }

    /** Time moves only when the test sets it; each wait is counted (and lasts at most a real millisecond). */
    private static final class ControlledTimer implements ApplyOrder.TurnTimer {
        final AtomicLong nanos = new AtomicLong();
        private final Semaphore waits = new Semaphore(0);

        @Override
        public long nanoTime() {
            return nanos.get();
        }

        @Override
        public void waitAtMost(Object monitor, long nanos) throws InterruptedException {
            waits.release();
            monitor.wait(1);
        }

        /** Until the waiting thread has waited {@code count} times. */
        void awaitWaits(int count) throws InterruptedException {
            assertThat(waits.tryAcquire(count, 30, TimeUnit.SECONDS)).as("the thread waits").isTrue();
        }

        /**
         * Until the waiting thread has read the time as it is now and waited again: of two waits counted from now on,
         * the second began after a read of the time that came after this call.
         */
        void awaitWaitsAfterNow() throws InterruptedException {
            waits.drainPermits();
            awaitWaits(2);
        }
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
