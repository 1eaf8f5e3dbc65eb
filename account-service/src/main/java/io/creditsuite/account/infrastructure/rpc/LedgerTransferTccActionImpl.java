package io.creditsuite.account.infrastructure.rpc;

import io.creditsuite.account.application.TransferHandler;
import io.creditsuite.account.domain.Transfer;
import io.creditsuite.support.trace.TccPhaseTrace;
import java.util.Map;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.BusinessActionContextUtil;
import org.apache.skywalking.apm.toolkit.trace.Trace;
import org.springframework.stereotype.Component;

/**
 * Each phase calls one use case inside the local transaction the fence opened. Public because
 * Seata invokes confirm and cancel by reflection; the context parameters are annotated here, on
 * the implementation, where Seata reads them.
 */
@Component
public class LedgerTransferTccActionImpl implements LedgerTransferTccAction {
    private final TransferHandler transfers;

    public LedgerTransferTccActionImpl(TransferHandler transfers) {
        this.transfers = transfers;
    }

    @Override
    public boolean transOut(BusinessActionContext context,
                            @BusinessActionContextParameter(paramName = "transferId") String transferId,
                            @BusinessActionContextParameter(paramName = "accountId") long accountId,
                            @BusinessActionContextParameter(paramName = "contraAccountId") long contraAccountId,
                            @BusinessActionContextParameter(paramName = "amountMinor") long amountMinor,
                            @BusinessActionContextParameter(paramName = "currency") String currency) {
        TccPhaseTrace.carryEnvironment(BusinessActionContextUtil::addContext);
        transfers.tryTransfer(new Transfer(transferId, Transfer.Direction.OUT, accountId, contraAccountId, amountMinor,
                currency, Transfer.Phase.TRIED, context.getXid()));
        return true;
    }

    @Override
    @Trace(operationName = "TCC/LedgerTransfer/confirmOut")
    public boolean confirmOut(BusinessActionContext context) {
        return phase(context, "confirmOut", () -> TransferBranchTimers.time(TransferBranchTimers.CONFIRM_OUT,
                () -> transfers.confirm(transferId(context), Transfer.Direction.OUT, context.getXid())));
    }

    @Override
    @Trace(operationName = "TCC/LedgerTransfer/cancelOut")
    public boolean cancelOut(BusinessActionContext context) {
        return phase(context, "cancelOut", () -> transfers.cancel(transferId(context), Transfer.Direction.OUT));
    }

    @Override
    public boolean transIn(BusinessActionContext context,
                           @BusinessActionContextParameter(paramName = "transferId") String transferId,
                           @BusinessActionContextParameter(paramName = "accountId") long accountId,
                           @BusinessActionContextParameter(paramName = "contraAccountId") long contraAccountId,
                           @BusinessActionContextParameter(paramName = "amountMinor") long amountMinor,
                           @BusinessActionContextParameter(paramName = "currency") String currency) {
        TccPhaseTrace.carryEnvironment(BusinessActionContextUtil::addContext);
        transfers.tryTransfer(new Transfer(transferId, Transfer.Direction.IN, accountId, contraAccountId, amountMinor,
                currency, Transfer.Phase.TRIED, context.getXid()));
        return true;
    }

    @Override
    @Trace(operationName = "TCC/LedgerTransfer/confirmIn")
    public boolean confirmIn(BusinessActionContext context) {
        return phase(context, "confirmIn", () -> TransferBranchTimers.time(TransferBranchTimers.CONFIRM_IN,
                () -> transfers.confirm(transferId(context), Transfer.Direction.IN, context.getXid())));
    }

    @Override
    @Trace(operationName = "TCC/LedgerTransfer/cancelIn")
    public boolean cancelIn(BusinessActionContext context) {
        return phase(context, "cancelIn", () -> transfers.cancel(transferId(context), Transfer.Direction.IN));
    }

    /** Phase two, traced and logged under its XID and transfer id (TccPhaseTrace). */
    private static boolean phase(BusinessActionContext context, String phase, Runnable work) {
        return TccPhaseTrace.run("LedgerTransfer", phase, context.getXid(),
                context.getActionContext(TccPhaseTrace.ENV, String.class), Map.of("transfer", transferId(context)),
                () -> {
                    work.run();
                    return true;
                });
    }

    private static String transferId(BusinessActionContext context) {
        return context.getActionContext("transferId", String.class);
    }
}
