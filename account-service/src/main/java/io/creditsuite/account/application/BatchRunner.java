package io.creditsuite.account.application;

import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link LedgerWriter#write} (through {@link PostingTransactions}, which reports the store's failures as
 * {@link DuplicateRecordException} and {@link TransientStoreException}) and absorbs what a caller must never see:
 * <ul>
 * <li>a lock wait timeout or deadlock victim (not expected with ascending locks, but the database
 *     decides): the whole transaction rolled back, so it is simply run again;</li>
 * <li>a duplicate key: another writer applied one of the vouchers between our read and our insert;
 *     the batch rolled back and each posting is run alone, so the replay check resolves it.</li>
 * </ul>
 */
public class BatchRunner {
    private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);
    private static final int ATTEMPTS = 20;

    private final PostingTransactions writer;

    public BatchRunner(PostingTransactions writer) {
        this.writer = writer;
    }

    /**
     * Runs the batch optimistically (the unique keys, not a look-up, catch a voucher seen before);
     * on a duplicate key the batch rolled back and each posting runs alone with the look-up, which
     * tells a retry (replayed) from a reused voucher (refused).
     */
    public List<WriteOutcome> run(List<ResolvedPosting> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writer.writeTrustingUniqueKeys(batch);
            } catch (DuplicateRecordException e) {
                List<WriteOutcome> outcomes = new ArrayList<>(batch.size());
                for (ResolvedPosting c : batch) {
                    outcomes.add(runAloneLookedUp(c));
                }
                return outcomes;
            } catch (TransientStoreException | IllegalStateException e) {
                if (attempt >= ATTEMPTS) {
                    return refuseAll(batch, attempt, e);
                }
                retryAfter(batch, attempt, e);
            }
        }
    }

    /** One posting in a transaction of its own, its voucher looked up first. */
    private WriteOutcome runAloneLookedUp(ResolvedPosting c) {
        List<ResolvedPosting> alone = List.of(c);
        for (int attempt = 1; ; attempt++) {
            try {
                return writer.write(alone).get(0);
            } catch (DuplicateRecordException e) {
                if (c.reversal()) {
                    return new WriteOutcome.Refused(new LedgerException(LedgerError.ENTRY_ALREADY_REVERSED,
                            "voucher " + c.posting().voucherNo() + " was already reversed"));
                }
                if (attempt >= ATTEMPTS) {
                    return new WriteOutcome.Refused(new LedgerException(LedgerError.LEDGER_BUSY, "voucher "
                            + c.posting().voucherNo() + " keeps colliding"));
                }
                // a concurrent copy of the voucher committed after our look-up: the next look-up sees it
            } catch (TransientStoreException | IllegalStateException e) {
                if (attempt >= ATTEMPTS) {
                    return refuseAll(alone, attempt, e).get(0);
                }
                retryAfter(alone, attempt, e);
            }
        }
    }

    private static void retryAfter(List<ResolvedPosting> batch, int attempt, RuntimeException e) {
        log.debug("batch of {} postings retried after {}", batch.size(), e.toString());
        backoff(attempt);
    }

    private static List<WriteOutcome> refuseAll(List<ResolvedPosting> batch, int attempt, RuntimeException e) {
        log.warn("batch of {} postings still failing after {} attempts", batch.size(), attempt, e);
        String why = "the ledger is busy; retry with the same voucher";
        List<WriteOutcome> outcomes = new ArrayList<>();
        for (ResolvedPosting c : batch) {
            outcomes.add(new WriteOutcome.Refused(new LedgerException(LedgerError.LEDGER_BUSY, why)));
        }
        return outcomes;
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(Math.min(50, attempt * 2L) + (long) (Math.random() * 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
