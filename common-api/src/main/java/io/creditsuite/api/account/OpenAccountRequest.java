package io.creditsuite.api.account;

import java.io.Serializable;

/**
 * @param overdraftMinor  how far below zero the available balance may go (0: never below zero)
 * @param floorMinor      watermark floor (水位) outflows may not cross; null for none
 * @param subAccounts     for SUBTRACT_FREQUENT / BOTH: how many sub-accounts (2..64); else 0
 * @param collectBelowMinor for SUBTRACT_FREQUENT / BOTH: a sub-account under this triggers collection (归集)
 */
public record OpenAccountRequest(String ownerId, AccountType type, String currency, long overdraftMinor,
                                 Long floorMinor, HotMode hotMode, int subAccounts, long collectBelowMinor)
        implements Serializable {
}
