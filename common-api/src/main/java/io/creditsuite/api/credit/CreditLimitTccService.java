package io.creditsuite.api.credit;

import io.creditsuite.api.error.ApiException;

/**
 * The hold as a Seata TCC branch: call inside a global transaction. Try = freeze (a refused try throws
 * {@code LIMIT_INSUFFICIENT}), confirm = use of the whole hold, cancel = unfreeze; the fence makes confirm and
 * cancel idempotent, a cancel without try an empty rollback, and refuses a try that arrives after its cancel.
 */
public interface CreditLimitTccService {
    LimitOperationResult tryFreeze(FreezeRequest request) throws ApiException;
}
