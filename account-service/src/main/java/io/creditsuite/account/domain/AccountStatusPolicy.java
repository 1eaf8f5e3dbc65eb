package io.creditsuite.account.domain;

import java.util.List;

/**
 * Which status changes an account may take (账户状态维护).
 *
 * <p>Guarantees:
 * <pre>
 *   FREEZE:   ACTIVE -&gt; FROZEN
 *   UNFREEZE: FROZEN -&gt; ACTIVE
 *   CLOSE:    ACTIVE | FROZEN -&gt; CLOSED,  only when for the account and each of its sub-accounts
 *             available = 0 and frozen = 0 and inTransit = 0 and pending details = 0
 *   CLOSED is final: no change leaves it (a closed account is never reopened)
 *   a sub-account's status is its parent's: it changes only with its parent, in one transaction
 * </pre>
 * Only an ACTIVE account takes postings or TCC tries ({@link Account#requireAccepts}).
 */
public final class AccountStatusPolicy {
    private AccountStatusPolicy() {
    }

    /** The status the account takes, or a refusal naming why not. */
    public static AccountState target(Account account, StatusAction action) {
        AccountState from = account.state();
        if (account.parentId() != null) {
            throw new LedgerException(LedgerError.STATUS_TRANSITION_ILLEGAL, "account " + account.id()
                    + " is a sub-account of " + account.parentId() + "; change the parent's status");
        }
        if (from == AccountState.CLOSED) {
            throw new LedgerException(LedgerError.ACCOUNT_CLOSED_FINAL, "account " + account.id()
                    + " is closed; it cannot be " + past(action));
        }
        AccountState to = switch (action) {
            case FREEZE -> from == AccountState.ACTIVE ? AccountState.FROZEN : null;
            case UNFREEZE -> from == AccountState.FROZEN ? AccountState.ACTIVE : null;
            case CLOSE -> AccountState.CLOSED;
        };
        if (to == null) {
            throw new LedgerException(LedgerError.STATUS_TRANSITION_ILLEGAL, "account " + account.id() + " is "
                    + from + "; it cannot be " + past(action));
        }
        return to;
    }

    /**
     * Close's precondition, checked on the locked account and its locked sub-accounts.
     *
     * @param pendingMinor the pending (not yet folded) details of each account, same order as {@code accounts}
     */
    public static void requireEmpty(List<Account> accounts, List<Long> pendingMinor) {
        for (int i = 0; i < accounts.size(); i++) {
            Account a = accounts.get(i);
            long pending = pendingMinor.get(i);
            if (a.availableMinor() != 0 || a.frozenMinor() != 0 || a.inTransitMinor() != 0 || pending != 0) {
                throw new LedgerException(LedgerError.ACCOUNT_NOT_EMPTY, "account " + a.id() + " holds available "
                        + a.availableMinor() + ", frozen " + a.frozenMinor() + ", in transit " + a.inTransitMinor()
                        + ", pending details " + pending + "; all must be 0 to close", a.id());
            }
        }
    }

    private static String past(StatusAction action) {
        return switch (action) {
            case FREEZE -> "frozen";
            case UNFREEZE -> "unfrozen";
            case CLOSE -> "closed again";
        };
    }
}
