package io.creditsuite.account.application;

import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

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
public class GroupCommitWriters implements AutoCloseable {
    static final int MAX_BATCH = 256;
    private static final long CALLER_TIMEOUT_SECONDS = 30;
    /** How long a graceful stop waits for the lanes to apply what they have queued. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);

    private final BatchRunner runner;
    private final ConcurrentHashMap<Long, GroupedCalls<ResolvedPosting, WriteOutcome>> lanes = new ConcurrentHashMap<>();
    private final LongAdder batches = new LongAdder();
    private final LongAdder batchedPostings = new LongAdder();
    private volatile boolean closed;

    public GroupCommitWriters(BatchRunner runner) {
        this.runner = runner;
    }

    /** Queues the posting on the lane of {@code hotAccountId} and waits for its batch to commit. */
    public WriteOutcome submit(long hotAccountId, int writerThreads, ResolvedPosting command) {
        if (closed) {
            throw new LedgerException(LedgerError.LEDGER_BUSY, "the ledger is shutting down");
        }
        CompletableFuture<WriteOutcome> result = lanes.computeIfAbsent(hotAccountId, id -> new GroupedCalls<>(
                "ledger-writer-" + id, writerThreads, MAX_BATCH, this::write)).offer(command);
        try {
            return result.get(CALLER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
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

    /** Postings queued on every lane and not yet in a batch (the hot accounts' backlog). */
    public int queued() {
        return lanes.values().stream().mapToInt(GroupedCalls::queued).sum();
    }

    /**
     * A graceful stop: refuses new postings (LEDGER_BUSY), lets every lane apply and answer what it has queued, for
     * up to {@link #DRAIN_TIMEOUT} in all, then stops the lanes; a posting still queued after that fails with
     * LEDGER_BUSY (its caller retries with the same voucher). Dubbo has stopped taking calls before this runs.
     */
    @Override
    public void close() {
        closed = true;
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        for (GroupedCalls<ResolvedPosting, WriteOutcome> lane : lanes.values()) {
            try {
                lane.drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        lanes.values().forEach(lane -> lane.stop(
                () -> new LedgerException(LedgerError.LEDGER_BUSY, "the ledger is shutting down")));
    }

    /** One lane's batch: ONE transaction. */
    private List<WriteOutcome> write(List<ResolvedPosting> commands) {
        batches.increment();
        batchedPostings.add(commands.size());
        return runner.run(commands);
    }
}
