package io.creditsuite.account.application.fakes;

import io.creditsuite.account.domain.Account;
import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.AccountState;
import io.creditsuite.account.domain.NewAccount;
import io.creditsuite.account.domain.PostingMode;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Accounts in a map. Like the table, it hands out copies: a use case's changes reach the store only through
 * {@link #saveChanged}, which refuses a row whose version moved since it was read (as the SQL's
 * {@code WHERE version = loadedVersion} does).
 */
public final class InMemoryAccountRepository implements AccountRepository, Checkpointed {
    private final TreeMap<Long, Account> rows = new TreeMap<>();
    private final Set<Long> switchedAutomatically = new HashSet<>();
    private long nextId = 1;

    /** Stores the account as given (a test's starting state). */
    public void put(Account account) {
        rows.put(account.id(), copy(account, account.state(), account.mode()));
        nextId = Math.max(nextId, account.id() + 1);
    }

    /** The account as stored now. */
    public Account get(long id) {
        return copy(rows.get(id), rows.get(id).state(), rows.get(id).mode());
    }

    @Override
    public long insert(NewAccount a) {
        long id = nextId++;
        rows.put(id, Account.open(id, a.terms(), a.routing()));
        return id;
    }

    @Override
    public Optional<Account> find(long id) {
        return Optional.ofNullable(rows.get(id)).map(a -> copy(a, a.state(), a.mode()));
    }

    @Override
    public Map<Long, Account> findAll(Collection<Long> ids) {
        Map<Long, Account> found = new LinkedHashMap<>();
        new TreeSet<>(ids).forEach(id -> find(id).ifPresent(a -> found.put(id, a)));
        return found;
    }

    @Override
    public Map<Long, Account> lockAscending(Collection<Long> ids) {
        return findAll(ids);
    }

    @Override
    public List<Long> subAccountIds(long parentId) {
        return rows.values().stream().filter(a -> Long.valueOf(parentId).equals(a.parentId())).map(Account::id).toList();
    }

    @Override
    public void saveChanged(Collection<Account> accounts) {
        for (Account a : accounts) {
            if (a.changed() && rows.get(a.id()).version() != a.loadedVersion()) {
                throw new IllegalStateException("account " + a.id() + " changed under its lock");
            }
        }
        accounts.stream().filter(Account::changed).forEach(a -> rows.put(a.id(), copy(a, a.state(), a.mode())));
    }

    @Override
    public void changeMode(long id, PostingMode mode) {
        rows.put(id, copy(rows.get(id), rows.get(id).state(), mode));
        switchedAutomatically.remove(id);
    }

    @Override
    public boolean switchModeAutomatically(long id, PostingMode from, PostingMode to) {
        if (rows.get(id).mode() != from) {
            return false;
        }
        rows.put(id, copy(rows.get(id), rows.get(id).state(), to));
        switchedAutomatically.add(id);
        return true;
    }

    @Override
    public boolean restoreMode(long id, PostingMode from, PostingMode to) {
        if (rows.get(id).mode() != from || !switchedAutomatically.remove(id)) {
            return false;
        }
        rows.put(id, copy(rows.get(id), rows.get(id).state(), to));
        return true;
    }

    @Override
    public List<Long> automaticallySwitched(PostingMode mode) {
        return rows.values().stream().filter(a -> a.mode() == mode && switchedAutomatically.contains(a.id()))
                .map(Account::id).toList();
    }

    @Override
    public void changeStatus(Collection<Long> ids, AccountState from, AccountState to) {
        for (long id : ids) {
            if (rows.get(id).state() != from) {
                throw new IllegalStateException("account " + id + " is not " + from);
            }
        }
        ids.forEach(id -> rows.put(id, copy(rows.get(id), to, rows.get(id).mode())));
    }

    @Override
    public Runnable checkpoint() {
        Map<Long, Account> savedRows = new TreeMap<>(rows);
        Set<Long> savedSwitched = new HashSet<>(switchedAutomatically);
        long savedNextId = nextId;
        return () -> {
            rows.clear();
            rows.putAll(savedRows);
            switchedAutomatically.clear();
            switchedAutomatically.addAll(savedSwitched);
            nextId = savedNextId;
        };
    }

    /** The one place that knows Account's constructor: a fresh copy, "as read" (loaded version = version). */
    private static Account copy(Account a, AccountState state, PostingMode mode) {
        return new Account(a.id(), a.terms(), state, a.routing().withMode(mode), a.subBalances(), a.chainPosition());
    }
}
