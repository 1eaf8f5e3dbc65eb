package io.creditsuite.account.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.account.domain.Account;
import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.AccountState;
import io.creditsuite.account.domain.AccountingCalendar;
import io.creditsuite.account.domain.Accounts;
import io.creditsuite.account.domain.HotRouting;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.NewAccount;
import io.creditsuite.account.domain.PendingCredit;
import io.creditsuite.account.domain.PendingCreditRepository;
import io.creditsuite.account.domain.PostingMode;
import io.creditsuite.account.domain.StatusAction;
import io.creditsuite.account.domain.StatusChange;
import io.creditsuite.account.domain.StatusChangeLog;
import io.creditsuite.account.domain.StatusChangeRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The status use case with in-memory ports: lock order, idempotency, sub-accounts, the close precondition. */
class ChangeAccountStatusHandlerTest {
    private final List<String> calls = new ArrayList<>();
    private final FakeAccounts accounts = new FakeAccounts();
    private final Map<Long, Long> pending = new HashMap<>();
    private final FakeLog log = new FakeLog();
    private final ChangeAccountStatusHandler handler = new ChangeAccountStatusHandler(accounts, pendingPort(),
            calendar(), log);

    @Test
    void the_calendar_is_held_before_anything_is_read_or_locked() {
        accounts.put(account(1, null, PostingMode.NORMAL, AccountState.ACTIVE, 0));

        handler.change(new StatusChange("r-1", 1, StatusAction.FREEZE, "ops", "why"));

        assertThat(calls).first().isEqualTo("holdPostings");
        assertThat(calls).containsSubsequence("holdPostings", "log.find", "accounts.lock", "accounts.changeStatus",
                "log.append");
    }

    @Test
    void a_retry_returns_the_stored_change_and_another_body_under_the_same_id_is_refused() {
        accounts.put(account(1, null, PostingMode.NORMAL, AccountState.ACTIVE, 0));
        var first = handler.change(new StatusChange("r-1", 1, StatusAction.FREEZE, "ops", "why"));

        var retry = handler.change(new StatusChange("r-1", 1, StatusAction.FREEZE, "ops", "why"));
        LedgerException other = catchThrowableOfType(LedgerException.class,
                () -> handler.change(new StatusChange("r-1", 1, StatusAction.UNFREEZE, "ops", "why")));

        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.change()).isEqualTo(first.change());
        assertThat(other.error()).isEqualTo(LedgerError.REQUEST_ID_REUSED);
        assertThat(log.rows).hasSize(1);
        assertThat(accounts.get(1).state()).isEqualTo(AccountState.FROZEN);
    }

    @Test
    void a_split_account_changes_with_its_sub_accounts_and_closes_only_when_every_one_is_empty() {
        accounts.put(account(1, null, PostingMode.BOTH, AccountState.ACTIVE, 0));
        accounts.put(account(2, 1L, PostingMode.ADD_FREQUENT, AccountState.ACTIVE, 0));
        accounts.put(account(3, 1L, PostingMode.ADD_FREQUENT, AccountState.ACTIVE, 0));
        pending.put(3L, 5L);

        LedgerException notEmpty = catchThrowableOfType(LedgerException.class,
                () -> handler.change(new StatusChange("r-1", 1, StatusAction.CLOSE, "ops", "why")));
        assertThat(notEmpty.error()).isEqualTo(LedgerError.ACCOUNT_NOT_EMPTY);
        assertThat(notEmpty.accountId()).isEqualTo(3L);
        assertThat(log.rows).isEmpty();

        pending.put(3L, 0L);
        var closed = handler.change(new StatusChange("r-2", 1, StatusAction.CLOSE, "ops", "why"));

        assertThat(closed.change().subAccounts()).isEqualTo(2);
        assertThat(List.of(accounts.get(1).state(), accounts.get(2).state(), accounts.get(3).state()))
                .containsOnly(AccountState.CLOSED);
    }

    private AccountingCalendar calendar() {
        return new AccountingCalendar() {
            @Override
            public LocalDate dateInForce() {
                throw new UnsupportedOperationException("a status change must not take the calendar shared");
            }

            @Override
            public LocalDate holdPostings() {
                calls.add("holdPostings");
                return LocalDate.of(2026, 11, 22);
            }
        };
    }

    private PendingCreditRepository pendingPort() {
        return new PendingCreditRepository() {
            @Override public long sum(long accountId) { return pending.getOrDefault(accountId, 0L); }
            @Override public void insertAll(List<PendingCredit> details) { throw new UnsupportedOperationException(); }
            @Override public List<PendingCredit> oldest(long accountId, int limit) { throw new UnsupportedOperationException(); }
            @Override public void delete(List<PendingCredit> folded) { throw new UnsupportedOperationException(); }
            @Override public List<PendingCredit> byVoucher(String voucherNo) { throw new UnsupportedOperationException(); }
            @Override public Map<String, String> digestsOf(Collection<String> voucherNos) { throw new UnsupportedOperationException(); }
            @Override public List<Long> accountsWithPending() { throw new UnsupportedOperationException(); }
        };
    }

    private static Account account(long id, Long parentId, PostingMode mode, AccountState state, long available) {
        return Accounts.liability(id).state(state).available(available)
                .routing(new HotRouting(mode, parentId, parentId == null && mode.split() ? 2 : 0, 0)).build();
    }

    private final class FakeLog implements StatusChangeLog {
        final Map<String, StatusChangeRecord> rows = new LinkedHashMap<>();

        @Override
        public Optional<StatusChangeRecord> find(String requestId) {
            calls.add("log.find");
            return Optional.ofNullable(rows.get(requestId));
        }

        @Override
        public StatusChangeRecord append(StatusChangeRecord c) {
            calls.add("log.append");
            StatusChangeRecord stored = new StatusChangeRecord(c.requestId(), c.accountId(), c.action(), c.before(),
                    c.after(), c.subAccounts(), c.operator(), c.reason(), Instant.parse("2026-11-22T05:00:00Z"));
            rows.put(c.requestId(), stored);
            return stored;
        }

        @Override
        public List<StatusChangeRecord> history(long accountId) {
            return rows.values().stream().filter(r -> r.accountId() == accountId).toList();
        }
    }

    private final class FakeAccounts implements AccountRepository {
        private final TreeMap<Long, Account> rows = new TreeMap<>();

        void put(Account a) {
            rows.put(a.id(), a);
        }

        Account get(long id) {
            return rows.get(id);
        }

        @Override
        public Optional<Account> find(long id) {
            calls.add("accounts.find");
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public Map<Long, Account> lockAscending(Collection<Long> ids) {
            calls.add("accounts.lock");
            Map<Long, Account> locked = new LinkedHashMap<>();
            new java.util.TreeSet<>(ids).forEach(id -> locked.put(id, rows.get(id)));
            return locked;
        }

        @Override
        public List<Long> subAccountIds(long parentId) {
            return rows.values().stream().filter(a -> Long.valueOf(parentId).equals(a.parentId())).map(Account::id).toList();
        }

        @Override
        public void changeStatus(Collection<Long> ids, AccountState from, AccountState to) {
            calls.add("accounts.changeStatus");
            for (long id : ids) {
                Account a = rows.get(id);
                assertThat(a.state()).isEqualTo(from);
                rows.put(id, Accounts.copyOf(a).state(to).build());
            }
        }

        @Override public long insert(NewAccount account) { throw new UnsupportedOperationException(); }
        @Override public Map<Long, Account> findAll(Collection<Long> ids) { throw new UnsupportedOperationException(); }
        @Override public void saveChanged(Collection<Account> accounts) { throw new UnsupportedOperationException(); }
        @Override public void changeMode(long id, PostingMode mode) { throw new UnsupportedOperationException(); }
        @Override public boolean switchModeAutomatically(long id, PostingMode from, PostingMode to) { throw new UnsupportedOperationException(); }
        @Override public boolean restoreMode(long id, PostingMode from, PostingMode to) { throw new UnsupportedOperationException(); }
        @Override public List<Long> automaticallySwitched(PostingMode mode) { throw new UnsupportedOperationException(); }
    }
}
