package io.creditsuite.account.application;

import io.creditsuite.account.domain.PendingCreditRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregator of summary posting (汇总记账): folds each account's pending details into its
 * journal in batches. One aggregator per account at a time: each fold holds the account's row
 * lock (a database lock, so it also holds across instances).
 */
public class AggregateHandler {
    public static final int FOLD_BATCH = 2_000;
    private static final Logger log = LoggerFactory.getLogger(AggregateHandler.class);

    private final LedgerWriter writer;
    private final PendingCreditRepository pendingCredits;

    public AggregateHandler(LedgerWriter writer, PendingCreditRepository pendingCredits) {
        this.writer = writer;
        this.pendingCredits = pendingCredits;
    }

    /**
     * Folds everything pending now; returns how many details were folded. An account whose details cannot be folded
     * (one does not match its hash: PostingEngine.fold refuses it) does not hold the others back: they are folded
     * first, then the first such failure is thrown.
     */
    public long drainAll() {
        long folded = 0;
        IllegalStateException first = null;
        for (long accountId : pendingCredits.accountsWithPending()) {
            try {
                folded += drain(accountId);
            } catch (IllegalStateException e) {
                log.error("account {}: pending details not folded: {}", accountId, e.getMessage());
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        return folded;
    }

    public long drain(long accountId) {
        long folded = 0;
        int n;
        do {
            n = writer.fold(accountId, FOLD_BATCH);
            folded += n;
        } while (n == FOLD_BATCH);
        return folded;
    }
}
