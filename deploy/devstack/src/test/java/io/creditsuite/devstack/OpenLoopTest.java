package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The open loop's bookkeeping; nothing about time is asserted (the machine may be busy). */
class OpenLoopTest {

    @Test
    void every_scheduled_arrival_runs_when_a_sender_is_free() throws Exception {
        AtomicInteger ran = new AtomicInteger();

        OpenLoop.Phase phase = new OpenLoop(4).run("quick", 200, Duration.ofMillis(100), ran::incrementAndGet);

        assertThat(phase.scheduled()).isEqualTo(20);
        assertThat(phase.sent()).isEqualTo(20);
        assertThat(phase.skipped()).isZero();
        assertThat(ran).hasValue(20);
        assertThat(phase.offeredRate()).isPositive();
    }

    @Test
    void an_arrival_that_finds_every_sender_busy_is_skipped_not_queued() throws Exception {
        // nobody counts it down: the first arrival holds the only sender for 3 s, far longer than the 100 ms schedule
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();

        OpenLoop.Phase phase = new OpenLoop(1).run("stuck", 100, Duration.ofMillis(100), () -> {
            ran.incrementAndGet();
            try {
                never.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(phase.scheduled()).isEqualTo(10);
        assertThat(phase.sent()).as("the first holds the only sender until the loop ends").isEqualTo(1);
        assertThat(phase.skipped()).isEqualTo(9);
        assertThat(ran).hasValue(1);
    }
}
