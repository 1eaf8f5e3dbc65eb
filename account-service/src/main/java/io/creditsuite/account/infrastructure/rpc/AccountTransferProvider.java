package io.creditsuite.account.infrastructure.rpc;

import io.creditsuite.account.application.TransferHandler;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.Transfer;
import io.creditsuite.api.account.AccountTransferService;
import io.creditsuite.api.account.TransferBranchRequest;
import io.creditsuite.api.account.TransferDirection;
import io.creditsuite.api.account.TransferPhase;
import io.creditsuite.api.account.TransferView;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import org.apache.dubbo.config.annotation.DubboService;
import org.apache.seata.common.exception.FrameworkErrorCode;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.integration.tx.api.fence.exception.CommonFenceException;

/** TransOut / TransIn over Dubbo; the XID arrives as an attachment (dubbo-filter-seata). */
@DubboService
public class AccountTransferProvider implements AccountTransferService {
    private final LedgerTransferTccAction action;
    private final TransferHandler transfers;

    public AccountTransferProvider(LedgerTransferTccAction action, TransferHandler transfers) {
        this.action = action;
        this.transfers = transfers;
    }

    @Override
    public void transOut(TransferBranchRequest r) {
        TransferBranchTimers.time(TransferBranchTimers.TRY_OUT, () -> branch(r, true));
    }

    @Override
    public void transIn(TransferBranchRequest r) {
        TransferBranchTimers.time(TransferBranchTimers.TRY_IN, () -> branch(r, false));
    }

    @Override
    public TransferView transfer(String transferId, TransferDirection direction) {
        if (transferId == null || direction == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "transfer id and direction are required");
        }
        Transfer t = transfers.find(transferId, Transfer.Direction.valueOf(direction.name())).orElseThrow(
                () -> new ApiException(ErrorCode.NOT_FOUND, "no try of transfer " + transferId + " " + direction + " reached this service"));
        return new TransferView(t.transferId(), t.accountId(), t.contraAccountId(), t.amountMinor(), t.currency(),
                direction, TransferPhase.valueOf(t.phase().name()), t.xid());
    }

    private void branch(TransferBranchRequest r, boolean out) {
        if (r == null || r.currency() == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a transfer request with a currency is required");
        }
        // without an XID the TCC proxy would run the try as a plain call: no branch, no fence
        if (RootContext.getXID() == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a transfer branch must be called inside a global transaction");
        }
        try {
            new Transfer(r.transferId(), out ? Transfer.Direction.OUT : Transfer.Direction.IN, r.accountId(),
                    r.contraAccountId(), r.amountMinor(), r.currency(), Transfer.Phase.TRIED, "check");
            if (out) {
                action.transOut(null, r.transferId(), r.accountId(), r.contraAccountId(), r.amountMinor(), r.currency());
            } else {
                action.transIn(null, r.transferId(), r.accountId(), r.contraAccountId(), r.amountMinor(), r.currency());
            }
        } catch (LedgerException e) {
            throw LedgerMapping.toApi(e);
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            LedgerException cause = ledgerCause(e);
            if (cause != null) {
                throw LedgerMapping.toApi(cause);
            }
            if (refusedByFence(e)) {
                throw new ApiException(ErrorCode.TRANSFER_ROLLED_BACK, "transfer " + r.transferId()
                        + ": the try arrived after its branch had been rolled back and was refused");
            }
            throw e;
        }
    }

    private static LedgerException ledgerCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LedgerException l) {
                return l;
            }
        }
        return null;
    }

    /** The fence's TRIED insert hit the row its cancel left (status 4): the try came too late. */
    static boolean refusedByFence(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CommonFenceException fence && fence.getErrcode() == FrameworkErrorCode.DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }
}
