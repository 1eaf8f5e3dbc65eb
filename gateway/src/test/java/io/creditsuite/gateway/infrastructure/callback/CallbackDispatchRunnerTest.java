package io.creditsuite.gateway.infrastructure.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.creditsuite.gateway.application.callback.DispatchCallbacks;
import io.creditsuite.gateway.application.callback.DispatchCallbacksTest;
import io.creditsuite.gateway.domain.callback.AttemptOutcome;
import io.creditsuite.gateway.domain.callback.CallbackBackoff;
import io.creditsuite.gateway.domain.callback.CallbackKeys;
import io.creditsuite.gateway.domain.callback.CallbackUrlPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The timer really runs passes with the clock's time, on its own threads, until stopped. */
class CallbackDispatchRunnerTest {
    @Test
    void started_it_dispatches_due_rows_on_its_own_threads_and_stopped_it_stops() throws Exception {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        DispatchCallbacksTest.Deliveries deliveries = new DispatchCallbacksTest.Deliveries();
        DispatchCallbacksTest.Sender sender = new DispatchCallbacksTest.Sender();
        deliveries.recordPending(DispatchCallbacksTest.event("E-1", "https://partner.example.com/cb"), now);
        CountDownLatch sent = new CountDownLatch(1);
        String[] thread = new String[1];
        sender.onSend = () -> {
            thread[0] = Thread.currentThread().getName();
            sent.countDown();
        };
        sender.answers(AttemptOutcome.answered(200));
        CallbackKeys keys = partnerId -> Optional.of(new CallbackKeys.PartnerSecret("ck_1", "s"));
        DispatchCallbacks dispatch = new DispatchCallbacks(deliveries, keys, sender, CallbackUrlPolicy.httpsOnly(),
                new DispatchCallbacks.Settings(CallbackBackoff.standard(), 10, Duration.ofSeconds(60)));
        CallbackDispatchRunner runner = new CallbackDispatchRunner(dispatch, Clock.fixed(now, ZoneOffset.UTC),
                Duration.ofMillis(20), 1); // one thread: the in-memory fake is not thread-safe

        runner.start();
        try {
            assertTrue(sent.await(10, TimeUnit.SECONDS), "no pass ran");
        } finally {
            runner.stop();
        }
        assertTrue(thread[0].startsWith("callback-dispatch-"), thread[0]);
        assertEquals(false, runner.isRunning());
    }
}
