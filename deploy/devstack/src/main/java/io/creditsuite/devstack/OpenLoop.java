package io.creditsuite.devstack;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: arrivals on a fixed schedule ({@code rate} per second, the i-th at {@code i / rate}
 * seconds), each handed to one of at most {@code threads} sender threads. The schedule never waits for answers, so a
 * slow suite sees the offered rate (unlike a closed loop, which slows down with it). An arrival that finds every
 * sender busy is not queued (a queue would hide the wait from the latencies) but counted as skipped: the offered rate
 * is what was sent.
 */
final class OpenLoop {
    /** What one phase did: arrivals scheduled, sent, skipped (every sender busy), and how long the schedule ran. */
    record Phase(String name, double rate, long scheduled, long sent, long skipped, Duration scheduleTook) {
        double offeredRate() {
            return sent / Math.max(1e-9, scheduleTook.toNanos() / 1e9);
        }
    }

    private final int threads;

    OpenLoop(int threads) {
        this.threads = threads;
    }

    /** Runs {@code arrival} {@code rate} times a second for {@code duration}, then waits for the senders to finish. */
    Phase run(String name, double rate, Duration duration, Runnable arrival) throws InterruptedException {
        ThreadPoolExecutor senders = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "open-loop-" + name);
                    thread.setDaemon(true);
                    return thread;
                });
        senders.prestartAllCoreThreads();
        long scheduled = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        double intervalNanos = 1e9 / rate;
        AtomicLong skipped = new AtomicLong();
        long began = System.nanoTime();
        try {
            for (long i = 0; i < scheduled; i++) {
                long due = began + Math.round(i * intervalNanos);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
                try {
                    senders.execute(arrival);
                } catch (RejectedExecutionException busy) {
                    skipped.incrementAndGet();
                }
            }
            Duration scheduleTook = Duration.ofNanos(System.nanoTime() - began + Math.round(intervalNanos));
            senders.shutdown();
            if (!senders.awaitTermination(2, TimeUnit.MINUTES)) {
                senders.shutdownNow();
            }
            return new Phase(name, rate, scheduled, scheduled - skipped.get(), skipped.get(), scheduleTook);
        } finally {
            senders.shutdownNow();
        }
    }
}
