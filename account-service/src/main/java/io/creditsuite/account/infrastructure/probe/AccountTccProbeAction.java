package io.creditsuite.account.infrastructure.probe;

import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;

/**
 * account-service's branch of the TCC probe. The fence ({@code useTCCFence}) makes confirm and
 * cancel idempotent, turns a cancel without try into an empty rollback and refuses a late try.
 */
@LocalTCC
public interface AccountTccProbeAction {
    /** The TCC resource name; also {@code tcc_fence_log.action_name} of this branch. */
    String NAME = "accountTccProbe";

    /** The context is created and passed in by Seata: callers pass null. */
    @TwoPhaseBusinessAction(name = NAME, commitMethod = "confirm", rollbackMethod = "cancel", useTCCFence = true)
    boolean tryProbe(BusinessActionContext context, String probeId, String scenario);

    boolean confirm(BusinessActionContext context);

    boolean cancel(BusinessActionContext context);
}
