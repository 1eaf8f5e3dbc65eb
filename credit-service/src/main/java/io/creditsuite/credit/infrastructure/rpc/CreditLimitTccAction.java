package io.creditsuite.credit.infrastructure.rpc;

import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.LimitOperationResult;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;

/**
 * The hold as a TCC branch: try = freeze, confirm = use of exactly what the try froze ({@code amountMinor}, kept in
 * the action context), cancel = unfreeze. The hold belongs to the global transaction until phase two: the ordinary
 * API refuses to use or release it ({@code HoldGuard}). Each phase runs in
 * the local transaction the fence opens, so the fence row and the flow always agree.
 */
@LocalTCC
public interface CreditLimitTccAction {
    /** The TCC resource name; also {@code tcc_fence_log.action_name}. */
    String NAME = "creditLimitFreeze";

    @TwoPhaseBusinessAction(name = NAME, commitMethod = "confirm", rollbackMethod = "cancel", useTCCFence = true)
    LimitOperationResult tryFreeze(BusinessActionContext context, String holdId, long amountMinor, FreezeRequest request);

    boolean confirm(BusinessActionContext context);

    boolean cancel(BusinessActionContext context);
}
