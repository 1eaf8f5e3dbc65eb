package io.creditsuite.credit.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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
        ApplyOrder order = new ApplyOrder(Clock.systemUTC());
        Instant earlier = order.ticket();
        Instant later = order.ticket();
        List<String> applied = new CopyOnWriteArrayList<>();

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            order.awaitTurn(later);
            applied.add("later");
        });
        Thread.sleep(50);
        assertThat(applied).as("the later ticket still waits").isEmpty();
        applied.add("earlier");
        order.passTurn(earlier);
        waiting.get(1, TimeUnit.SECONDS);

        assertThat(applied).containsExactly("earlier", "later");
        order.awaitTurn(order.ticket());
    }

    @Test
    void a_turn_is_waited_for_at_most_the_longest_wait() {
        ApplyOrder order = new ApplyOrder(Clock.systemUTC());
        order.ticket();
        Instant later = order.ticket();

        long start = System.nanoTime();
        order.awaitTurn(later);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(waitedMillis).isBetween(ApplyOrder.LONGEST_WAIT.toMillis() - 5, 10_000L);
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
