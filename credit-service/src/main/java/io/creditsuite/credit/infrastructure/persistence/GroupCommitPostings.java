package io.creditsuite.credit.infrastructure.persistence;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.Posting;
import io.creditsuite.credit.domain.PostingResult;
import io.creditsuite.credit.domain.Postings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Application-level group commit for hot nodes. Each posting goes to the writer of its path's hot root (by
 * hash, over a fixed number of writers); a writer drains its queue and writes everything waiting in ONE
 * transaction ({@link PostingWriter}): one lock per node per batch and one fsync per batch instead of per
 * use. A caller returns only after its batch committed (or was refused).
 *
 * <p>If a batch fails as a whole (a conditional update matched no row, a request id of the batch is in the flow
 * log already: a retry, or a write of another instance), it rolls back and each of its postings is retried
 * alone, so one posting cannot fail the others; alone, a retry is answered from the flow log. Correctness never depends on the routing: two writers (or two instances) that touch the same node
 * serialise on its row lock.
 */
public class GroupCommitPostings implements Postings, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitPostings.class);

    private final PostingWriter writer;
    private final TransactionTemplate inTransaction;
    private final int maxBatch;
    private final long waitMillis;
    private final List<BlockingQueue<Pending>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private final java.util.concurrent.atomic.LongAdder batches = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder postings = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder writeNanos = new java.util.concurrent.atomic.LongAdder();

    public GroupCommitPostings(PostingWriter writer, TransactionTemplate inTransaction, int writers,
                               int threadsPerWriter, int maxBatch, long waitMillis) {
        this.writer = writer;
        this.inTransaction = inTransaction;
        this.maxBatch = maxBatch;
        this.waitMillis = waitMillis;
        for (int i = 0; i < writers; i++) {
            BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
            queues.add(queue);
            // with more than one thread per queue, while one batch commits (InnoDB releases its row locks before the
            // log flush), the next batch is already formed and waiting for those locks
            for (int t = 0; t < threadsPerWriter; t++) {
                Thread thread = new Thread(() -> drain(queue), "limit-writer-" + i + "-" + t);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }
    }

    private record Pending(Posting posting, CompletableFuture<PostingResult> result) {
    }

    @Override
    public PostingResult post(Posting posting) {
        Pending pending = new Pending(posting, new CompletableFuture<>());
        queues.get(Math.floorMod(Long.hashCode(posting.hotRoot()), queues.size())).add(pending);
        try {
            return pending.result.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(ErrorCode.REQUEST_IN_PROGRESS,
                    "request " + posting.requestId() + " is still queued or being written; retry with the same id");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.REQUEST_IN_PROGRESS, "interrupted while request "
                    + posting.requestId() + " was written; retry with the same id");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void drain(BlockingQueue<Pending> queue) {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                writeBatch(batch);
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

    private void writeBatch(List<Pending> batch) {
        Map<Posting, PostingResult> results;
        long start = System.nanoTime();
        try {
            results = inTransaction.execute(status -> writer.write(batch.stream().map(Pending::posting).toList()));
            batches.increment();
            postings.add(batch.size());
            writeNanos.add(System.nanoTime() - start);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                failAlone(batch.get(0), e);
                return;
            }
            log.warn("a batch of {} postings rolled back ({}); writing them one by one", batch.size(), e.toString());
            for (Pending pending : batch) {
                writeBatch(new ArrayList<>(List.of(pending)));
            }
            return;
        }
        List<Pending> repeats = new ArrayList<>();
        for (Pending pending : batch) {
            PostingResult result = results.get(pending.posting);
            if (result == null) {
                repeats.add(pending);
            } else {
                pending.result.complete(result);
            }
        }
        if (!repeats.isEmpty()) {
            // a request id repeated within the batch: now that the first one committed, the repeat finds its flow
            writeBatch(repeats);
        }
    }

    private void failAlone(Pending pending, RuntimeException e) {
        if (e instanceof DuplicateKeyException) {
            // written meanwhile by another instance: answer from the flow log
            try {
                Map<Posting, PostingResult> again = inTransaction.execute(
                        status -> writer.write(List.of(pending.posting)));
                pending.result.complete(again.get(pending.posting));
                return;
            } catch (RuntimeException second) {
                e.addSuppressed(second);
            }
        }
        log.error("posting {} failed", pending.posting.requestId(), e);
        pending.result.completeExceptionally(e);
    }

    /** Committed batches, the postings in them and the time spent writing them, since start. */
    public Stats stats() {
        return new Stats(batches.sum(), postings.sum(), writeNanos.sum());
    }

    public record Stats(long batches, long postings, long writeNanos) {
    }

    @Override
    public void destroy() {
        running = false;
        threads.forEach(Thread::interrupt);
    }
}
