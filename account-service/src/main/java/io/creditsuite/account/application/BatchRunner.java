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
    public List<WriteOutcome> run(List<PostingCommand> batch) {
        return run(batch, false);
    }

    private List<WriteOutcome> run(List<PostingCommand> batch, boolean checked) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writer.write(batch, checked);
            } catch (DuplicateRecordException e) {
                if (!checked || batch.size() > 1) {
                    List<WriteOutcome> outcomes = new ArrayList<>(batch.size());
                    for (PostingCommand c : batch) {
                        outcomes.add(run(List.of(c), true).get(0));
                    }
                    return outcomes;
                }
                PostingCommand c = batch.get(0);
                if (c.reversal()) {
                    return List.of(new WriteOutcome.Refused(new LedgerException(LedgerError.ENTRY_ALREADY_REVERSED,
                            "voucher " + c.posting().voucherNo() + " was already reversed")));
                }
                if (attempt >= ATTEMPTS) {
                    return List.of(new WriteOutcome.Refused(new LedgerException(LedgerError.LEDGER_BUSY, "voucher "
                            + c.posting().voucherNo() + " keeps colliding")));
                }
                // a concurrent copy of the voucher committed after our look-up: the next look-up sees it
            } catch (TransientStoreException | IllegalStateException e) {
                if (attempt >= ATTEMPTS) {
                    log.warn("batch of {} postings still failing after {} attempts", batch.size(), attempt, e);
                    return refuseAll(batch, "the ledger is busy; retry with the same voucher");
                }
                log.debug("batch of {} postings retried after {}", batch.size(), e.toString());
                backoff(attempt);
            }
        }
    }

    private static List<WriteOutcome> refuseAll(List<PostingCommand> batch, String why) {
        List<WriteOutcome> outcomes = new ArrayList<>();
        for (PostingCommand c : batch) {
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
