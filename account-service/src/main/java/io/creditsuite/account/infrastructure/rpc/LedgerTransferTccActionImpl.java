package io.creditsuite.account.infrastructure.rpc;

import io.creditsuite.account.application.TransferHandler;
import io.creditsuite.account.domain.Transfer;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
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
        transfers.tryTransfer(new Transfer(transferId, Transfer.Direction.OUT, accountId, contraAccountId, amountMinor,
                currency, Transfer.Phase.TRIED, context.getXid()));
        return true;
    }

    @Override
    public boolean confirmOut(BusinessActionContext context) {
        TransferBranchTimers.time(TransferBranchTimers.CONFIRM_OUT,
                () -> transfers.confirm(transferId(context), Transfer.Direction.OUT, context.getXid()));
        return true;
    }

    @Override
    public boolean cancelOut(BusinessActionContext context) {
        transfers.cancel(transferId(context), Transfer.Direction.OUT);
        return true;
    }

    @Override
    public boolean transIn(BusinessActionContext context,
                           @BusinessActionContextParameter(paramName = "transferId") String transferId,
                           @BusinessActionContextParameter(paramName = "accountId") long accountId,
                           @BusinessActionContextParameter(paramName = "contraAccountId") long contraAccountId,
                           @BusinessActionContextParameter(paramName = "amountMinor") long amountMinor,
                           @BusinessActionContextParameter(paramName = "currency") String currency) {
        transfers.tryTransfer(new Transfer(transferId, Transfer.Direction.IN, accountId, contraAccountId, amountMinor,
                currency, Transfer.Phase.TRIED, context.getXid()));
        return true;
    }

    @Override
    public boolean confirmIn(BusinessActionContext context) {
        TransferBranchTimers.time(TransferBranchTimers.CONFIRM_IN,
                () -> transfers.confirm(transferId(context), Transfer.Direction.IN, context.getXid()));
        return true;
    }

    @Override
    public boolean cancelIn(BusinessActionContext context) {
        transfers.cancel(transferId(context), Transfer.Direction.IN);
        return true;
    }

    private static String transferId(BusinessActionContext context) {
        return context.getActionContext("transferId", String.class);
    }
}
