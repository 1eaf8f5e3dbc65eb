package io.creditsuite.account.application;

import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.AccountingCalendar;
import io.creditsuite.account.domain.PendingCreditRepository;
import io.creditsuite.account.domain.PostingMode;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: an account the hot detector switched to summary posting (ADD_FREQUENT) goes back to
 * NORMAL, with every pending detail folded first, in ONE transaction.
 *
 * <p>Guarantees: after the switch commits, {@code pending details of the account = 0} and the
 * journal holds every detail exactly once (folding keeps each detail's accounting date). The
 * transaction takes the accounting calendar EXCLUSIVELY first (postings take it shared first), so
 * no credit that read the account as ADD_FREQUENT can add a detail after the fold; a posting after
 * the commit reads NORMAL and takes the row lock.
 */
public class RestoreNormalModeHandler {
    private final AccountingCalendar calendar;
    private final LedgerWriter writer;
    private final AccountRepository accounts;
    private final PendingCreditRepository pendingCredits;

    public RestoreNormalModeHandler(AccountingCalendar calendar, LedgerWriter writer, AccountRepository accounts,
                                    PendingCreditRepository pendingCredits) {
        this.calendar = calendar;
        this.writer = writer;
        this.accounts = accounts;
        this.pendingCredits = pendingCredits;
    }

    /** @return the details folded, or -1 when the account is no longer an automatically switched ADD_FREQUENT one */
    @Transactional
    public long restore(long accountId) {
        calendar.holdPostings();
        long folded = 0;
        for (int n; (n = writer.fold(accountId, AggregateHandler.FOLD_BATCH)) > 0; ) {
            folded += n;
        }
        if (pendingCredits.sum(accountId) != 0) {
            throw new IllegalStateException("account " + accountId + " still has pending details after folding");
        }
        if (!accounts.restoreMode(accountId, PostingMode.ADD_FREQUENT, PostingMode.NORMAL)) {
            return -1;
        }
        return folded;
    }
}
