package io.creditsuite.account.application;

import io.creditsuite.account.domain.PendingCreditRepository;

/**
 * The aggregator of summary posting (汇总记账): folds each account's pending details into its
 * journal in batches. One aggregator per account at a time: each fold holds the account's row
 * lock (a database lock, so it also holds across instances).
 */
public class AggregateHandler {
    public static final int FOLD_BATCH = 2_000;

    private final LedgerWriter writer;
    private final PendingCreditRepository pendingCredits;

    public AggregateHandler(LedgerWriter writer, PendingCreditRepository pendingCredits) {
        this.writer = writer;
        this.pendingCredits = pendingCredits;
    }

    /** Folds everything pending now; returns how many details were folded. */
    public long drainAll() {
        long folded = 0;
        for (long accountId : pendingCredits.accountsWithPending()) {
            folded += drain(accountId);
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
