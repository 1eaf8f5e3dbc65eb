package io.creditsuite.account.application;

import io.creditsuite.account.domain.Account;
import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.AccountState;
import io.creditsuite.account.domain.AccountStatusPolicy;
import io.creditsuite.account.domain.AccountingCalendar;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.PendingCreditRepository;
import io.creditsuite.account.domain.StatusAction;
import io.creditsuite.account.domain.StatusChange;
import io.creditsuite.account.domain.StatusChangeLog;
import io.creditsuite.account.domain.StatusChangeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: freeze, unfreeze or close an account (and its sub-accounts), once per request id,
 * with an audit row in the same transaction.
 *
 * <p>Locks, in this order: the accounting calendar EXCLUSIVELY (every posting transaction takes it
 * shared as its first lock, so when this holds it no posting is in flight and none starts), then
 * the request id is looked up (status changes run one at a time, so a concurrent retry sees the
 * first one's row), then the account and its sub-accounts in ascending id. A posting that commits
 * after the change therefore sees the new status, including a summary-posted credit that reads
 * its account without a row lock; and close's "no pending details" cannot be raced.
 */
public class ChangeAccountStatusHandler {
    private static final Logger log = LoggerFactory.getLogger(ChangeAccountStatusHandler.class);

    /** The change as applied (or as stored, for a retry). */
    public record Result(StatusChangeRecord change, boolean replayed) {
    }

    private final AccountRepository accounts;
    private final PendingCreditRepository pendingCredits;
    private final AccountingCalendar calendar;
    private final StatusChangeLog changes;

    public ChangeAccountStatusHandler(AccountRepository accounts, PendingCreditRepository pendingCredits,
                                      AccountingCalendar calendar, StatusChangeLog changes) {
        this.accounts = accounts;
        this.pendingCredits = pendingCredits;
        this.calendar = calendar;
        this.changes = changes;
    }

    @Transactional
    public Result change(StatusChange command) {
        calendar.holdPostings();
        Optional<StatusChangeRecord> stored = changes.find(command.requestId());
        if (stored.isPresent()) {
            if (!command.sameBody(stored.get())) {
                throw new LedgerException(LedgerError.REQUEST_ID_REUSED, "request id " + command.requestId()
                        + " was used for " + stored.get().action() + " of account " + stored.get().accountId()
                        + " by " + stored.get().operator() + " with another reason");
            }
            return new Result(stored.get(), true);
        }
        Account account = accounts.find(command.accountId()).orElseThrow(() -> new LedgerException(
                LedgerError.ACCOUNT_NOT_FOUND, "account " + command.accountId() + " does not exist"));
        List<Long> ids = new ArrayList<>();
        ids.add(account.id());
        if (account.parentId() == null && account.mode().split()) {
            ids.addAll(accounts.subAccountIds(account.id()));
        }
        Map<Long, Account> locked = accounts.lockAscending(ids);
        Account parent = locked.get(account.id());
        AccountState before = parent.state();
        AccountState after = AccountStatusPolicy.target(parent, command.action());
        if (command.action() == StatusAction.CLOSE) {
            List<Account> all = new ArrayList<>(locked.values());
            List<Long> pending = all.stream().map(a -> pendingCredits.sum(a.id())).toList();
            AccountStatusPolicy.requireEmpty(all, pending);
        }
        accounts.changeStatus(ids, before, after);
        StatusChangeRecord change = changes.append(new StatusChangeRecord(command.requestId(), account.id(),
                command.action(), before, after, ids.size() - 1, command.operator(), command.reason(), null));
        log.info("account {}: {} -> {} by {} ({} sub-accounts), request {}: {}", account.id(), before, after,
                command.operator(), ids.size() - 1, command.requestId(), command.reason());
        return new Result(change, false);
    }

    public List<StatusChangeRecord> history(long accountId) {
        if (accounts.find(accountId).isEmpty()) {
            throw new LedgerException(LedgerError.ACCOUNT_NOT_FOUND, "account " + accountId + " does not exist");
        }
        return changes.history(accountId);
    }
}
