package io.creditsuite.api.account;

import io.creditsuite.api.error.ApiException;
import java.util.List;

/**
 * Account status maintenance: freeze (冻结), unfreeze and close (销户) an account, each by an
 * operator with a reason, idempotent by the caller's request id, and audited.
 *
 * <p>Transitions: ACTIVE -&gt; FROZEN (freeze), FROZEN -&gt; ACTIVE (unfreeze), ACTIVE or FROZEN
 * -&gt; CLOSED (close). CLOSED is final. A change of a split account (SUBTRACT_FREQUENT, BOTH)
 * covers its sub-accounts in the same transaction; a sub-account is never changed on its own.
 * Close requires available = frozen = in-transit = 0 and no pending summary detail on the
 * account (and on every sub-account).
 *
 * <p>A retry with the same request id and body returns the original change ({@code replayed});
 * the same request id with another body is CS-1001. Errors: CS-3001 unknown account, CS-3120
 * transition not allowed from the current status, CS-3121 the account is closed, CS-3122 close of
 * an account that still holds money, CS-1000 a malformed request.
 */
public interface AccountStatusService {
    AccountStatusChange freeze(AccountStatusRequest request) throws ApiException;

    AccountStatusChange unfreeze(AccountStatusRequest request) throws ApiException;

    AccountStatusChange close(AccountStatusRequest request) throws ApiException;

    /** The audit trail of an account's status changes, oldest first. */
    List<AccountStatusChange> history(long accountId) throws ApiException;
}
