package io.creditsuite.account.domain;

/** Port: what the ledger tells the outside world (alerts, mode switches). */
public interface LedgerEvents {
    /** A sub-account fell under its collection threshold (and was topped up from its siblings). */
    void subAccountLow(long parentId, long subAccountId, long availableMinor, long collectedMinor);

    /** Hot detection switched (or proposes to switch) an account's mode. */
    void hotModeChanged(long accountId, PostingMode from, PostingMode to, boolean applied, String why);
}
