package io.creditsuite.credit.infrastructure.persistence;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.LimitChange;
import io.creditsuite.credit.domain.LimitChangeResult;
import io.creditsuite.credit.domain.LimitChanges;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Application-level group commit for hot nodes. Each change goes to the writer of its path's hot root (by
 * hash, over a fixed number of writers); a writer drains its queue and writes everything waiting in ONE
 * transaction ({@link LimitChangeWriter}): one lock per node per batch and one fsync per batch instead of per
 * use. A caller returns only after its batch committed (or was refused).
 *
 * <p>A batch of only freezes and direct uses is written optimistically ({@link LimitChangeWriter#write(List, ApplyOrder)}):
 * its nodes are locked for its last statement and the commit only, so the queue's threads overlap their inserts,
 * and the queue's {@link ApplyOrder} makes them apply in the order they stamped their flows. If it fails (a
 * change that does not fit the limit, a node that a later flow reached first, or any other error) it rolls back
 * and is written again with its nodes locked first ({@link Stats#rewritten}), which refuses exactly what does not
 * fit.
 *
 * <p>If a batch fails as a whole (a conditional update matched no row, a request id of the batch is in the flow
 * log already: a retry, or a write of another instance), it rolls back and each of its changes is retried
 * alone, so one change cannot fail the others; alone, a retry is answered from the flow log. Correctness never depends on the routing: two writers (or two instances) that touch the same node
 * serialise on its row lock.
 */
public class GroupCommitLimitChanges implements LimitChanges, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitLimitChanges.class);

    private final LimitChangeWriter writer;
    private final TransactionTemplate inTransaction;
    private final int maxBatch;
    private final long waitMillis;
    private final List<BlockingQueue<Pending>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private final LongAdder batches = new LongAdder();
    private final LongAdder changes = new LongAdder();
    private final LongAdder writeNanos = new LongAdder();
    private final LongAdder rewritten = new LongAdder();

    public GroupCommitLimitChanges(LimitChangeWriter writer, TransactionTemplate inTransaction, Clock clock,
                               int writers, int threadsPerWriter, int maxBatch, long waitMillis) {
        this.writer = writer;
        this.inTransaction = inTransaction;
        this.maxBatch = maxBatch;
        this.waitMillis = waitMillis;
        for (int i = 0; i < writers; i++) {
            BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
            queues.add(queue);
            ApplyOrder order = new ApplyOrder(clock);
            // with more than one thread per queue, one batch inserts its rows while the other updates its nodes and
            // commits
            for (int t = 0; t < threadsPerWriter; t++) {
                Thread thread = new Thread(() -> drain(queue, order), "limit-writer-" + i + "-" + t);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }
    }

    private record Pending(LimitChange change, CompletableFuture<LimitChangeResult> result) {
    }

    @Override
    public LimitChangeResult apply(LimitChange change) {
        Pending pending = new Pending(change, new CompletableFuture<>());
        queues.get(Math.floorMod(Long.hashCode(change.hotRoot()), queues.size())).add(pending);
        try {
            return pending.result.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(ErrorCode.REQUEST_IN_PROGRESS,
                    "request " + change.requestId() + " is still queued or being written; retry with the same id");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.REQUEST_IN_PROGRESS, "interrupted while request "
                    + change.requestId() + " was written; retry with the same id");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void drain(BlockingQueue<Pending> queue, ApplyOrder order) {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                writeBatch(batch, order);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("limit writer failed a batch of {}", batch.size(), e);
                batch.forEach(p -> p.result.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Writes the batch, optimistically when {@code order} is given and the batch can be; see the class comment for
     * the fallbacks.
     */
    private void writeBatch(List<Pending> batch, ApplyOrder order) {
        List<LimitChange> postingsOfBatch = batch.stream().map(Pending::change).toList();
        ApplyOrder optimistic = order != null && LimitChangeWriter.canBeOptimistic(postingsOfBatch) ? order : null;
        Map<LimitChange, LimitChangeResult> results;
        long start = System.nanoTime();
        try {
            results = inTransaction.execute(status -> optimistic != null
                    ? writer.writeOptimistic(postingsOfBatch, optimistic) : writer.write(postingsOfBatch));
            batches.increment();
            changes.add(batch.size());
            writeNanos.add(System.nanoTime() - start);
        } catch (RuntimeException e) {
            if (optimistic != null) {
                rewritten.increment();
                writeBatch(batch, null);
                return;
            }
            if (batch.size() == 1) {
                failAlone(batch.get(0), e);
                return;
            }
            log.warn("a batch of {} changes rolled back ({}); writing them one by one", batch.size(), e.toString());
            for (Pending pending : batch) {
                writeBatch(new ArrayList<>(List.of(pending)), null);
            }
            return;
        }
        List<Pending> repeats = new ArrayList<>();
        for (Pending pending : batch) {
            LimitChangeResult result = results.get(pending.change);
            if (result == null) {
                repeats.add(pending);
            } else {
                pending.result.complete(result);
            }
        }
        if (!repeats.isEmpty()) {
            // a request id repeated within the batch: now that the first one committed, the repeat finds its flow
            writeBatch(repeats, null);
        }
    }

    private void failAlone(Pending pending, RuntimeException e) {
        if (e instanceof DuplicateKeyException) {
            // written meanwhile by another instance: answer from the flow log
            try {
                Map<LimitChange, LimitChangeResult> again = inTransaction.execute(
                        status -> writer.write(List.of(pending.change)));
                pending.result.complete(again.get(pending.change));
                return;
            } catch (RuntimeException second) {
                e.addSuppressed(second);
            }
        }
        log.error("change {} failed", pending.change.requestId(), e);
        pending.result.completeExceptionally(e);
    }

    /** Committed batches, the changes in them, the time spent writing them, and optimistic batches written again, since start. */
    public Stats stats() {
        return new Stats(batches.sum(), changes.sum(), writeNanos.sum(), rewritten.sum());
    }

    /** @param rewritten optimistic batches that rolled back and were written again with their nodes locked first */
    public record Stats(long batches, long changes, long writeNanos, long rewritten) {
    }

    @Override
    public void destroy() {
        running = false;
        threads.forEach(Thread::interrupt);
    }
}
