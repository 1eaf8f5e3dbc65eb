package io.creditsuite.devstack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * N client threads calling one operation back to back for a fixed time: how many succeeded, their latencies
 * (p50/p99), and the failures by kind. Each thread keeps its own latencies, so measuring costs no lock.
 */
final class LoadRun {

    /** One client's operation: {@code client} is the thread's index, {@code seq} its call number. */
    interface Operation {
        /** @return null when it succeeded, else a short name of the failure (counted, never thrown) */
        String call(int client, long seq) throws Exception;
    }

    /** @param sortedNanos every successful call's latency, ascending */
    record Result(String name, int clients, long ok, Map<String, Long> failures, Duration took, long[] sortedNanos) {
        double p50Ms() {
            return percentileMs(sortedNanos, 0.50);
        }

        double p99Ms() {
            return percentileMs(sortedNanos, 0.99);
        }

        double perSecond() {
            return ok / (took.toNanos() / 1e9);
        }

        long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private LoadRun() {
    }

    static Result run(String name, int clients, Duration duration, Operation operation) throws InterruptedException {
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        List<Map<String, Long>> failures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            latencies[i] = new long[1024];
            failures.add(new TreeMap<>());
        }
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    long seq = 0;
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        String failure;
                        try {
                            failure = operation.call(client, seq++);
                        } catch (Exception e) {
                            failure = e.getClass().getSimpleName();
                        }
                        long took = System.nanoTime() - start;
                        if (failure == null) {
                            if (counts[client] == latencies[client].length) {
                                latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
                            }
                            latencies[client][counts[client]++] = took;
                        } else {
                            failures.get(client).merge(failure, 1L, Long::sum);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, name + "-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        Thread.sleep(duration.toMillis()); // the measured window itself, not a wait for something to happen
        stop.set(true);
        done.await();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(latencies[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        Map<String, Long> failed = new TreeMap<>();
        failures.forEach(f -> f.forEach((k, v) -> failed.merge(k, v, Long::sum)));
        return new Result(name, clients, total, failed, took, all);
    }

    static double percentileMs(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(q * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    /** All rounds of one path as one (latencies merged), its time plus {@code extra} (e.g. the drains). */
    static Result combine(String name, List<Result> rounds, Duration extra) {
        long ok = rounds.stream().mapToLong(Result::ok).sum();
        Map<String, Long> failures = new TreeMap<>();
        rounds.forEach(r -> r.failures().forEach((k, v) -> failures.merge(k, v, Long::sum)));
        Duration took = rounds.stream().map(Result::took).reduce(Duration.ZERO, Duration::plus).plus(extra);
        long[] all = rounds.stream().flatMapToLong(r -> Arrays.stream(r.sortedNanos())).sorted().toArray();
        return new Result(name, rounds.get(0).clients(), ok, failures, took, all);
    }
}
