package io.creditsuite.account.domain;

import java.time.Instant;

/**
 * One audited status change (who, when, before, after, why). {@code subAccounts}: how many
 * sub-accounts of a split account changed with it. {@code changedAt} is null until stored.
 */
public record StatusChangeRecord(String requestId, long accountId, StatusAction action, AccountState before,
                                 AccountState after, int subAccounts, String operator, String reason,
                                 Instant changedAt) {
}
