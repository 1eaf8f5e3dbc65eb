package io.creditsuite.account.application;

import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Application-level group commit for hot accounts: one queue per hot (sub-)account, drained by
 * its writer thread(s), each drain applied as ONE transaction by {@link BatchRunner}. A caller
 * returns only after the transaction holding its posting has committed, so nothing it was told
 * is posted can be lost; a crash before commit loses only postings whose callers got no answer
 * (and retry with the same voucher).
 *
 * <p>Why: with a row lock and an fsync per posting, one account takes ~1,700 postings/s; here
 * one lock and one fsync cover a whole batch.
 */
@Component
public class GroupCommitWriters implements DisposableBean {
    static final int MAX_BATCH = 256;
    private static final long CALLER_TIMEOUT_SECONDS = 30;

    private final BatchRunner runner;
    private final ConcurrentHashMap<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final LongAdder batches = new LongAdder();
    private final LongAdder batchedPostings = new LongAdder();
    private volatile boolean closed;

    public GroupCommitWriters(BatchRunner runner) {
        this.runner = runner;
    }

    /** Queues the posting on the lane of {@code hotAccountId} and waits for its batch to commit. */
    public WriteOutcome submit(long hotAccountId, int writerThreads, PostingCommand command) {
        if (closed) {
            throw new LedgerException(LedgerError.LEDGER_BUSY, "the ledger is shutting down");
        }
        Lane lane = lanes.computeIfAbsent(hotAccountId, id -> new Lane(id, writerThreads));
        Waiting waiting = new Waiting(command, new CompletableFuture<>());
        lane.queue.add(waiting);
        try {
            return waiting.result.get(CALLER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(LedgerError.LEDGER_BUSY, "interrupted while waiting for the commit");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new LedgerException(LedgerError.LEDGER_BUSY, "no commit within " + CALLER_TIMEOUT_SECONDS
                    + " s; retry with the same voucher");
        }
    }

    /** Transactions run by the lanes, and postings they carried: postings / batches is the mean batch size. */
    public long[] batchesAndPostings() {
        return new long[] {batches.sum(), batchedPostings.sum()};
    }

    /** How many lanes (hot accounts with a writer) exist now. */
    public int lanes() {
        return lanes.size();
    }

    @Override
    public void destroy() {
        closed = true;
        lanes.values().forEach(Lane::stop);
    }

    private record Waiting(PostingCommand command, CompletableFuture<WriteOutcome> result) {
    }

    private final class Lane {
        final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
        final List<Thread> threads = new ArrayList<>();

        Lane(long accountId, int writerThreads) {
            for (int i = 0; i < writerThreads; i++) {
                Thread t = new Thread(this::drain, "ledger-writer-" + accountId + "-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        void drain() {
            List<Waiting> batch = new ArrayList<>(MAX_BATCH);
            while (!closed) {
                try {
                    Waiting first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    List<PostingCommand> commands = new ArrayList<>(batch.size());
                    batch.forEach(w -> commands.add(w.command()));
                    batches.increment();
                    batchedPostings.add(commands.size());
                    try {
                        List<WriteOutcome> outcomes = runner.run(commands);
                        for (int i = 0; i < batch.size(); i++) {
                            batch.get(i).result().complete(outcomes.get(i));
                        }
                    } catch (RuntimeException e) {
                        batch.forEach(w -> w.result().completeExceptionally(e));
                    }
                    batch.clear();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void stop() {
            threads.forEach(Thread::interrupt);
            queue.forEach(w -> w.result().completeExceptionally(
                    new LedgerException(LedgerError.LEDGER_BUSY, "the ledger is shutting down")));
        }
    }
}
