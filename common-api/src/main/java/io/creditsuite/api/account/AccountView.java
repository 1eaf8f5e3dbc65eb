package io.creditsuite.api.account;

import java.io.Serializable;

/**
 * An account and its balances. {@code balanceMinor = availableMinor + frozenMinor} is what the
 * journal's last {@code balanceAfterMinor} states; {@code pendingMinor} is the sum of detail rows a
 * summary-posted account has not folded yet; {@code inTransitMinor} is inflow promised by a TCC try.
 * For a split account the balances are the sums over its sub-accounts.
 */
public record AccountView(long accountId, String ownerId, AccountType type, String currency, AccountStatus status,
                          long overdraftMinor, Long floorMinor, HotMode hotMode, int subAccounts,
                          long availableMinor, long frozenMinor, long inTransitMinor, long pendingMinor,
                          long balanceMinor, long version) implements Serializable {
}
