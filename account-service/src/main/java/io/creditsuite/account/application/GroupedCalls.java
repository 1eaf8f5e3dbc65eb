package io.creditsuite.account.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Group commit as a mechanism: callers {@link #offer} an item and wait on its future; worker
 * threads take everything that has gathered (up to {@code maxBatch}) and hand it to
 * {@code apply} as ONE call, which returns one result per item, in order. If {@code apply}
 * throws, every item of that batch fails with the same exception. Used for the hot accounts'
 * writers (one transaction per batch) and for the buffered postings' sends (one broker request
 * per batch).
 *
 * @param <T> what a caller hands in
 * @param <R> what the caller gets back
 */
public final class GroupedCalls<T, R> {
    private record Waiting<T, R>(T item, CompletableFuture<R> result) {
    }

    private final BlockingQueue<Waiting<T, R>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final int maxBatch;
    private final Function<List<T>, List<R>> apply;
    private volatile boolean stopped;
    /** Items offered and not yet answered (queued or in a batch being applied). */
    private final AtomicInteger pending = new AtomicInteger();

    public GroupedCalls(String threadName, int threadCount, int maxBatch, Function<List<T>, List<R>> apply) {
        this.maxBatch = maxBatch;
        this.apply = apply;
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(this::work, threadName + "-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Queues the item; the future completes once the batch holding it has been applied. */
    public CompletableFuture<R> offer(T item) {
        Waiting<T, R> waiting = new Waiting<>(item, new CompletableFuture<>());
        pending.incrementAndGet();
        queue.add(waiting);
        return waiting.result();
    }

    /** Items queued and not yet taken into a batch. */
    public int queued() {
        return queue.size();
    }

    /**
     * Waits until every item offered so far has been applied and answered (the queue empty, no batch in flight), or
     * {@code timeout} passed; true when drained. The caller stops offering first: a graceful shutdown's drain.
     */
    public boolean drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Stops the workers; items still queued fail with {@code why}. */
    public void stop(Supplier<? extends RuntimeException> why) {
        stopped = true;
        threads.forEach(Thread::interrupt);
        queue.forEach(w -> w.result().completeExceptionally(why.get()));
    }

    private void work() {
        List<Waiting<T, R>> batch = new ArrayList<>(maxBatch);
        while (!stopped) {
            try {
                Waiting<T, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                List<T> items = new ArrayList<>(batch.size());
                batch.forEach(w -> items.add(w.item()));
                try {
                    List<R> results = apply.apply(items);
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).result().complete(results.get(i));
                    }
                } catch (RuntimeException e) {
                    batch.forEach(w -> w.result().completeExceptionally(e));
                } finally {
                    pending.addAndGet(-batch.size());
                }
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
