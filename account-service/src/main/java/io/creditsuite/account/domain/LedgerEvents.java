package io.creditsuite.account.domain;

/** Port: what the ledger tells the outside world (alerts, mode switches). */
public interface LedgerEvents {
    /** A sub-account fell under its collection threshold (and was topped up from its siblings). */
    void subAccountLow(long parentId, long subAccountId, long availableMinor, long collectedMinor);

    /** Hot detection switched an account's mode (it is in force now). */
    void hotModeSwitched(long accountId, PostingMode from, PostingMode to, String why);

    /** Hot detection proposes to switch an account's mode (automatic switching is off: nothing changed). */
    void hotModeProposed(long accountId, PostingMode from, PostingMode to, String why);
}
