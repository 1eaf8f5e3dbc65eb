package io.creditsuite.account.domain;

/** What opening an account asks for. Guarantees: overdraft &gt;= 0; a split account has 2..64 sub-accounts. */
public record NewAccount(String ownerId, AccountKind kind, String currency, long overdraftMinor, Long floorMinor,
                         PostingMode mode, Long parentId, int subAccounts, long collectBelowMinor) {
    public NewAccount {
        if (ownerId == null || ownerId.isBlank() || ownerId.length() > 64) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "owner id must be 1..64 characters");
        }
        if (kind == null || mode == null) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "account type and hot mode are required");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "currency '" + currency + "' must be ISO 4217 like CNY");
        }
        if (overdraftMinor < 0 || (floorMinor != null && floorMinor < 0) || collectBelowMinor < 0) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "overdraft, floor and collection threshold must be >= 0");
        }
        if (mode.split() && parentId == null && (subAccounts < 2 || subAccounts > 64)) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "a " + mode + " account needs 2..64 sub-accounts");
        }
    }

    /** The spec of one sub-account of this (split) account. */
    public NewAccount subAccount(long parent) {
        PostingMode subMode = mode == PostingMode.BOTH ? PostingMode.ADD_FREQUENT : PostingMode.NORMAL;
        return new NewAccount(ownerId, kind, currency, 0, null, subMode, parent, 0, 0);
    }
}
