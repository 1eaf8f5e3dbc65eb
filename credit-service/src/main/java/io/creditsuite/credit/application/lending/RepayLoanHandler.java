package io.creditsuite.credit.application.lending;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.RepaymentRequest;
import io.creditsuite.api.lending.RepaymentResult;
import io.creditsuite.credit.application.LimitOperationRunner;
import io.creditsuite.credit.application.Requests;
import io.creditsuite.credit.domain.LimitRejection;
import io.creditsuite.credit.domain.lending.Ledger;
import io.creditsuite.credit.domain.lending.LendingPartner;
import io.creditsuite.credit.domain.lending.LendingRejection;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanRepository;
import io.creditsuite.credit.domain.lending.PartnerRequest;
import io.creditsuite.credit.domain.lending.Repayment;
import io.creditsuite.credit.domain.lending.RepaymentRepository;
import io.creditsuite.credit.domain.lending.RepaymentState;
import java.time.Clock;

/**
 * 还款: (1) records the repayment PENDING if it fits the loan, (2) the ledger posts it, (3) the limit returns and the
 * loan's principal falls, in one local transaction. Idempotent by (partner, request id): a retry answers from the
 * stored repayment (DONE: the result; FAILED: the ledger's error again; PENDING: steps 2-3 again, which are
 * idempotent). The ledger's business refusal fails the repayment and returns nothing; a ledger that does not answer
 * leaves it PENDING for the partner's retry or the sweeper.
 */
public class RepayLoanHandler {
    private final PartnerOwnership ownership;
    private final LimitOperationRunner operations;
    private final RepaymentRepository repayments;
    private final LoanRepository loans;
    private final RepaymentBook book;
    private final SettleRepaymentHandler settle;
    private final Clock clock;

    public RepayLoanHandler(PartnerOwnership ownership, LimitOperationRunner operations, RepaymentRepository repayments,
                            LoanRepository loans, RepaymentBook book, SettleRepaymentHandler settle, Clock clock) {
        this.ownership = ownership;
        this.operations = operations;
        this.repayments = repayments;
        this.loans = loans;
        this.book = book;
        this.settle = settle;
        this.clock = clock;
    }

    public RepaymentResult repay(RepaymentRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a repayment request is required");
        }
        String requestId = Requests.requireId(request.requestId(), "requestId");
        LendingPartner partner = ownership.partner(request.partnerId());
        Loan loan = ownership.loan(partner.partnerId(), request.loanId());
        String hash = Requests.bodyHash(request);
        var earlier = repayments.byPartnerRequest(partner.partnerId(), requestId);
        if (earlier.isPresent()) {
            return finish(sameBody(earlier.get(), hash));
        }
        Repayment.RepaymentAmounts amounts;
        try {
            amounts = new Repayment.RepaymentAmounts(request.principalMinor(), request.interestMinor(),
                    Requests.requireCurrency(request.currency()));
        } catch (LendingRejection e) {
            throw LendingErrors.toApi(e);
        }
        Requests.requireSameCurrency(loan.terms().currency(), request.currency(), "loan " + loan.loanId());
        String payer = Requests.requireText(request.payerAccount(), "payerAccount", 64);
        try {
            // early, before the ledger posts: the limit return of step 3 needs a usable line
            operations.line(loan.terms().lineId()).ensureUsableAt(clock.instant(), "repayment");
        } catch (LimitRejection e) {
            throw Requests.toApi(e);
        }
        Repayment repayment;
        try {
            repayment = book.open(loan.loanId(), new PartnerRequest(partner.partnerId(), requestId, hash), amounts, payer);
        } catch (LendingRejection e) {
            throw LendingErrors.toApi(e);
        }
        return finish(sameBody(repayment, hash));
    }

    private static Repayment sameBody(Repayment repayment, String hash) {
        if (!repayment.origin().sameBodyAs(hash)) {
            throw new ApiException(ErrorCode.REQUEST_ID_REUSED, "request id " + repayment.origin().requestId()
                    + " was already used with a different body");
        }
        return repayment;
    }

    private RepaymentResult finish(Repayment repayment) {
        if (repayment.status() == RepaymentState.PENDING) {
            try {
                repayment = settle.settle(repayment.repaymentId());
            } catch (Ledger.LedgerUnavailable e) {
                throw new ApiException(ErrorCode.DOWNSTREAM_UNAVAILABLE, "repayment " + repayment.repaymentId()
                        + " is recorded but the ledger did not answer; retry with the same request id (it is applied"
                        + " once)");
            } catch (ApiException e) {
                // the ledger posted, the limit return waits (e.g. the line was frozen meanwhile); the sweeper retries
                throw new ApiException(ErrorCode.REQUEST_IN_PROGRESS, "repayment " + repayment.repaymentId()
                        + " is posted in the ledger; returning the limit waits: " + e.getMessage());
            }
        }
        if (repayment.status() == RepaymentState.FAILED) {
            throw failure(repayment);
        }
        return new RepaymentResult(LendingViews.repayment(repayment),
                LendingViews.loan(loans.byId(repayment.loanId()).orElseThrow()));
    }

    /** The ledger's refusal, stored as "CODE_NAME: message", raised again with its own code. */
    private static ApiException failure(Repayment repayment) {
        String failure = repayment.failure();
        int colon = failure.indexOf(':');
        ErrorCode code;
        try {
            code = ErrorCode.valueOf(colon < 0 ? failure : failure.substring(0, colon));
        } catch (IllegalArgumentException e) {
            code = ErrorCode.INTERNAL_ERROR;
        }
        return new ApiException(code, "repayment " + repayment.repaymentId() + " was refused by the ledger: " + failure);
    }
}
