package io.creditsuite.api.account;

import java.io.Serializable;

/**
 * One audited status change. Statuses and the action are enum names ({@link AccountStatus},
 * FREEZE / UNFREEZE / CLOSE) as strings: hessian-lite cannot read a record field that
 * back-references an enum repeated in one message (a history repeats them).
 *
 * @param subAccounts how many sub-accounts the change covered with the account (0 unless split)
 * @param changedAt   ISO-8601 instant the change committed
 * @param replayed    true when this answers a retry of a request already applied
 */
public record AccountStatusChange(String requestId, long accountId, String action, String statusBefore,
                                  String statusAfter, int subAccounts, String operator, String reason,
                                  String changedAt, boolean replayed) implements Serializable {
}
