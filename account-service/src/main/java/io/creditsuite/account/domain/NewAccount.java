package io.creditsuite.account.domain;

/**
 * What opening an account asks for: the terms of its rules and how the writer routes it.
 * Guarantees: overdraft &gt;= 0, floor &gt;= 0, collection threshold &gt;= 0; a split account has 2..64 sub-accounts.
 */
public record NewAccount(AccountTerms terms, HotRouting routing) {
    public NewAccount {
        String ownerId = terms.ownerId();
        if (ownerId == null || ownerId.isBlank() || ownerId.length() > 64) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "owner id must be 1..64 characters");
        }
        if (terms.kind() == null || routing.mode() == null) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "account type and hot mode are required");
        }
        String currency = terms.currency();
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "currency '" + currency + "' must be ISO 4217 like CNY");
        }
        if (terms.overdraftMinor() < 0 || (terms.floorMinor() != null && terms.floorMinor() < 0)
                || routing.collectBelowMinor() < 0) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "overdraft, floor and collection threshold must be >= 0");
        }
        PostingMode mode = routing.mode();
        int subAccounts = routing.subAccounts();
        if (mode.split() && routing.parentId() == null && (subAccounts < 2 || subAccounts > 64)) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "a " + mode + " account needs 2..64 sub-accounts");
        }
    }

    /** The spec of one sub-account of this (split) account: same owner, kind and currency; no overdraft, no floor. */
    public NewAccount subAccount(long parent) {
        PostingMode subMode = routing.mode() == PostingMode.BOTH ? PostingMode.ADD_FREQUENT : PostingMode.NORMAL;
        return new NewAccount(new AccountTerms(terms.ownerId(), terms.kind(), terms.currency(), 0, null),
                new HotRouting(subMode, parent, 0, 0));
    }
}
