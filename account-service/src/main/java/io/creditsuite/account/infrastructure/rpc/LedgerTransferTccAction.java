package io.creditsuite.account.infrastructure.rpc;

import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;

/**
 * TransOut and TransIn as Seata TCC branches. The fence ({@code useTCCFence}) makes confirm and
 * cancel idempotent, turns a cancel without try into an empty rollback and refuses a late try.
 */
@LocalTCC
public interface LedgerTransferTccAction {
    String TRANS_OUT = "ledgerTransOut";
    String TRANS_IN = "ledgerTransIn";

    /** The context is created and passed in by Seata: callers pass null. */
    @TwoPhaseBusinessAction(name = TRANS_OUT, commitMethod = "confirmOut", rollbackMethod = "cancelOut", useTCCFence = true)
    boolean transOut(BusinessActionContext context, String transferId, long accountId, long contraAccountId,
                     long amountMinor, String currency);

    boolean confirmOut(BusinessActionContext context);

    boolean cancelOut(BusinessActionContext context);

    @TwoPhaseBusinessAction(name = TRANS_IN, commitMethod = "confirmIn", rollbackMethod = "cancelIn", useTCCFence = true)
    boolean transIn(BusinessActionContext context, String transferId, long accountId, long contraAccountId,
                    long amountMinor, String currency);

    boolean confirmIn(BusinessActionContext context);

    boolean cancelIn(BusinessActionContext context);
}
