package io.creditsuite.account.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A graceful stop answers everything already offered before the workers stop; only a stuck batch times out. */
class GroupedCallsTest {

    @Test
    void drain_waits_for_the_batch_in_flight_and_the_queued_items_then_stop_fails_nothing() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupedCalls<Integer, Integer> calls = new GroupedCalls<>("drain-test", 1, 2, items -> {
            entered.countDown();
            await(release);
            return items.stream().map(i -> i * 10).toList();
        });
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        answers.add(calls.offer(1));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue(); // item 1 is in a batch being applied
        for (int i = 2; i <= 5; i++) {
            answers.add(calls.offer(i)); // queued behind it
        }
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return calls.drain(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(answers).noneMatch(CompletableFuture::isDone); // the batch cannot finish before the release

        release.countDown();
        assertThat(drained.get(1, TimeUnit.MINUTES)).isTrue();
        calls.stop(() -> new IllegalStateException("stopped"));
        assertThat(answers).allMatch(a -> a.isDone() && !a.isCompletedExceptionally());
        assertThat(answers.stream().map(CompletableFuture::join)).containsExactly(10, 20, 30, 40, 50);
    }

    @Test
    void a_batch_that_never_ends_is_reported_as_not_drained_and_stop_fails_the_rest() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        GroupedCalls<Integer, Integer> calls = new GroupedCalls<>("stuck-test", 1, 1, items -> {
            await(never);
            return items;
        });
        calls.offer(1);
        CompletableFuture<Integer> queued = calls.offer(2);
        assertThat(calls.drain(Duration.ofMillis(50))).isFalse();
        calls.stop(() -> new IllegalStateException("the ledger is shutting down"));
        assertThat(queued).isCompletedExceptionally();
        never.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
