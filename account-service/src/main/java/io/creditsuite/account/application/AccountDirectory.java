package io.creditsuite.account.application;

import io.creditsuite.account.domain.Account;
import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.HotRouting;
import io.creditsuite.account.domain.PostingMode;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where to send a leg: each account's mode and sub-accounts, cached for a second. Routing only:
 * a stale entry can make a posting take the slower or the batched path, never break a rule,
 * because the writer re-reads and locks every account it changes.
 */
public class AccountDirectory {
    private static final long TTL_NANOS = 1_000_000_000L;

    /** How to reach one account. {@code subAccountIds} is empty unless the account is split. */
    public record Route(long accountId, PostingMode mode, boolean exists, Long parentId, List<Long> subAccountIds,
                        long collectBelowMinor, long loadedAtNanos) {
    }

    private final AccountRepository accounts;
    private final ConcurrentHashMap<Long, Route> routes = new ConcurrentHashMap<>();

    public AccountDirectory(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public Route route(long accountId) {
        Route r = routes.get(accountId);
        if (r != null && System.nanoTime() - r.loadedAtNanos() < TTL_NANOS) {
            return r;
        }
        Route fresh = load(accountId);
        routes.put(accountId, fresh);
        return fresh;
    }

    public void forget(long accountId) {
        routes.remove(accountId);
    }

    private Route load(long accountId) {
        Account a = accounts.find(accountId).orElse(null);
        if (a == null) {
            return new Route(accountId, PostingMode.NORMAL, false, null, List.of(), 0, System.nanoTime());
        }
        HotRouting routing = a.routing();
        List<Long> subs = routing.mode().split() && routing.parentId() == null
                ? accounts.subAccountIds(accountId) : List.of();
        return new Route(accountId, routing.mode(), true, routing.parentId(), subs, routing.collectBelowMinor(),
                System.nanoTime());
    }
}
