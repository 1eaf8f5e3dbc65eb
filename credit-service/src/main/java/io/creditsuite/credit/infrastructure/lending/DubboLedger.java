package io.creditsuite.credit.infrastructure.lending;

import io.creditsuite.api.account.AccountTransferService;
import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.account.LoanRepayRequest;
import io.creditsuite.api.account.OpenAccountRequest;
import io.creditsuite.api.account.PostingOutcome;
import io.creditsuite.api.account.PostingResult;
import io.creditsuite.api.account.StatementPage;
import io.creditsuite.api.account.StatementQuery;
import io.creditsuite.api.account.TransferDirection;
import io.creditsuite.api.account.TransferView;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.application.lending.LoanAccountStatements;
import io.creditsuite.credit.domain.lending.Ledger;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.rpc.RpcContext;
import org.apache.dubbo.rpc.RpcException;

/**
 * account-service over Dubbo, as lending needs it. An answer that cannot tell the outcome (the ledger busy, a Dubbo
 * error or timeout, an internal error) is {@link Ledger.LedgerUnavailable}: the caller retries with the same voucher.
 */
public class DubboLedger implements Ledger, LoanAccountStatements {
    /** Codes after which the posting may or may not have happened: ask again with the same voucher. */
    private static final Set<ErrorCode> TRANSIENT = EnumSet.of(ErrorCode.LEDGER_BUSY, ErrorCode.DOWNSTREAM_UNAVAILABLE,
            ErrorCode.INTERNAL_ERROR, ErrorCode.RATE_LIMITED);

    private final LedgerService ledger;
    private final AccountTransferService transfers;
    private final Duration timeout;

    public DubboLedger(LedgerService ledger, AccountTransferService transfers, Duration timeout) {
        this.ledger = ledger;
        this.transfers = transfers;
        this.timeout = timeout;
    }

    @Override
    public long openLoanAccount(String ownerId, String currency) {
        return call("openAccount", () -> ledger.openAccount(new OpenAccountRequest(ownerId, AccountType.ASSET, currency,
                0, null, HotMode.NORMAL, 0, 0))).accountId();
    }

    /**
     * A refusal is checked against the journal before it is believed: if an earlier attempt posted the voucher (its
     * answer lost) and the ledger refused the retry on today's state instead of replaying it, the voucher's entries
     * say it was posted, and it must not be marked failed.
     */
    @Override
    public RepayAnswer repayLoan(LoanRepayment r) {
        try {
            PostingResult result = call("repayLoan", () -> ledger.repayLoan(new LoanRepayRequest(r.voucherNo(),
                    r.fundingAccountId(), r.loanAccountId(), r.interestIncomeAccountId(), r.principalMinor(),
                    r.interestMinor(), r.currency())));
            if (result.outcome() == PostingOutcome.INSUFFICIENT_BALANCE) {
                return refusedUnlessPosted(r.voucherNo(), ErrorCode.INSUFFICIENT_BALANCE.name(), "voucher "
                        + r.voucherNo() + ": an account of the repayment would go below what it may");
            }
            // POSTED, or ACCEPTED by a buffered account (applied asynchronously, in order, by the ledger)
            return RepayAnswer.wasPosted();
        } catch (ApiException e) {
            if (TRANSIENT.contains(e.errorCode())) {
                throw new LedgerUnavailable("repayLoan " + r.voucherNo() + ": " + e.getMessage(), e);
            }
            return refusedUnlessPosted(r.voucherNo(), e.errorCode().name(), e.getMessage());
        }
    }

    private RepayAnswer refusedUnlessPosted(String voucherNo, String errorCode, String message) {
        try {
            PostingResult earlier = call("entriesByVoucher", () -> ledger.entriesByVoucher(voucherNo));
            if (!earlier.entries().isEmpty()) {
                return RepayAnswer.wasPosted();
            }
        } catch (ApiException e) {
            if (e.errorCode() != ErrorCode.VOUCHER_NOT_FOUND) {
                throw new LedgerUnavailable("entriesByVoucher " + voucherNo + ": " + e.getMessage(), e);
            }
        }
        return RepayAnswer.refused(errorCode, message);
    }

    @Override
    public PayoutState payout(String transferId) {
        try {
            TransferView view = call("transfer", () -> transfers.transfer(transferId, TransferDirection.OUT));
            return switch (view.phase()) {
                case TRIED -> PayoutState.TRIED;
                case CONFIRMED -> PayoutState.CONFIRMED;
                case CANCELLED -> PayoutState.CANCELLED;
            };
        } catch (ApiException e) {
            if (e.errorCode() == ErrorCode.NOT_FOUND) {
                return PayoutState.NOT_FOUND;
            }
            throw new LedgerUnavailable("transfer " + transferId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public StatementPage statement(long accountId, long afterVersion, int pageSize) {
        try {
            return call("statement", () -> ledger.statement(new StatementQuery(accountId, afterVersion, pageSize)));
        } catch (LedgerUnavailable e) {
            throw new ApiException(ErrorCode.DOWNSTREAM_UNAVAILABLE, "the ledger did not answer the statement of account "
                    + accountId);
        }
    }

    /** One call with this adapter's timeout (the attachment applies to the next call from this thread only). */
    private <T> T call(String what, Supplier<T> call) {
        RpcContext.getClientAttachment().setObjectAttachment(CommonConstants.TIMEOUT_KEY, (int) timeout.toMillis());
        try {
            return call.get();
        } catch (RpcException e) {
            throw new LedgerUnavailable("account-service did not answer " + what + " (Dubbo error " + e.getCode() + ")",
                    e);
        }
    }
}
