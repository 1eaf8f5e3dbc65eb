package io.creditsuite.credit.application.lending;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.DrawdownRequest;
import io.creditsuite.api.lending.DrawdownResult;
import io.creditsuite.credit.application.LimitOperationRunner;
import io.creditsuite.credit.application.Requests;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.NodeLevel;
import io.creditsuite.credit.domain.lending.DrawdownTransaction;
import io.creditsuite.credit.domain.lending.LendingPartner;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanRepository;
import io.creditsuite.credit.domain.lending.LoanState;
import io.creditsuite.credit.domain.lending.LoanTerms;
import io.creditsuite.credit.domain.lending.PartnerCustomer;
import io.creditsuite.credit.domain.lending.PartnerRequest;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 放款: validates, records the loan PENDING (its own local transaction), runs the drawdown's global transaction and
 * records its outcome: DISBURSING (committed) or REFUSED (rolled back, with the reason). Idempotent by (partner,
 * request id): the same request gets the same result, a refused one too; another body under the id is
 * REQUEST_ID_REUSED; while the first runs (or its outcome is being settled) REQUEST_IN_PROGRESS.
 */
public class DrawdownHandler {
    private static final Logger log = LoggerFactory.getLogger(DrawdownHandler.class);

    private final PartnerOwnership ownership;
    private final LimitOperationRunner operations;
    private final LoanRepository loans;
    private final LoanBook book;
    private final DrawdownTransaction transaction;
    private final CompleteDisbursementHandler completion;
    private final LendingIds ids;
    private final Clock clock;

    public DrawdownHandler(PartnerOwnership ownership, LimitOperationRunner operations, LoanRepository loans,
                           LoanBook book, DrawdownTransaction transaction, CompleteDisbursementHandler completion,
                           LendingIds ids, Clock clock) {
        this.ownership = ownership;
        this.operations = operations;
        this.loans = loans;
        this.book = book;
        this.transaction = transaction;
        this.completion = completion;
        this.ids = ids;
        this.clock = clock;
    }

    public DrawdownResult drawdown(DrawdownRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a drawdown request is required");
        }
        String requestId = Requests.requireId(request.requestId(), "requestId");
        LendingPartner partner = ownership.partner(request.partnerId());
        String hash = Requests.bodyHash(request);
        var earlier = loans.byPartnerRequest(partner.partnerId(), requestId);
        if (earlier.isPresent()) {
            return answer(earlier.get(), hash);
        }
        Loan loan = Loan.pending(ids.loanId(), new PartnerRequest(partner.partnerId(), requestId, hash),
                validTerms(request, partner), clock.instant());
        PartnerCustomer customer = ownership.customer(partner.partnerId(), request.customerId());
        if (!book.open(loan)) {
            return answer(loans.byPartnerRequest(partner.partnerId(), requestId).orElseThrow(), hash);
        }
        DrawdownTransaction.Attempt attempt = transaction.run(loan,
                new DrawdownTransaction.FundingLegs(partner.fundingAccountId(), customer.loanAccountId()),
                xid -> book.attachXid(loan.loanId(), xid));
        if (attempt instanceof DrawdownTransaction.Committed) {
            book.commit(loan.loanId());
            completeIfPaidOut(loan.loanId());
        } else if (attempt instanceof DrawdownTransaction.RolledBack rolledBack) {
            book.refuse(loan.loanId(), rolledBack.refusal());
        } else {
            throw new ApiException(ErrorCode.REQUEST_IN_PROGRESS, "loan " + loan.loanId() + ": the outcome of global"
                    + " transaction " + attempt.xid() + " is being settled (" + ((DrawdownTransaction.Undecided) attempt)
                    .detail() + "); retry with the same request id");
        }
        return LendingViews.drawdown(loans.byId(loan.loanId()).orElseThrow());
    }

    private DrawdownResult answer(Loan earlier, String hash) {
        if (!earlier.origin().sameBodyAs(hash)) {
            throw new ApiException(ErrorCode.REQUEST_ID_REUSED, "request id " + earlier.origin().requestId()
                    + " was already used with a different body");
        }
        if (earlier.status() == LoanState.PENDING) {
            throw new ApiException(ErrorCode.REQUEST_IN_PROGRESS, "loan " + earlier.loanId() + " of request id "
                    + earlier.origin().requestId() + " is still being drawn down");
        }
        return LendingViews.drawdown(earlier);
    }

    private LoanTerms validTerms(DrawdownRequest request, LendingPartner partner) {
        Requests.requirePositive(request.amountMinor(), "amountMinor");
        Requests.requireCurrency(request.currency());
        String payee = Requests.requireText(request.payeeAccount(), "payeeAccount", 64);
        PartnerCustomer customer = ownership.customer(partner.partnerId(), request.customerId());
        CreditLine line = ownership.line(customer, request.lineId());
        Requests.requireSameCurrency(line.currency(), request.currency(), "line " + line.lineId());
        Requests.requireSameCurrency(partner.currency(), request.currency(), "partner " + partner.partnerId()
                + "'s funding account");
        operations.pathOnLine(line, request.productNodeId());
        operations.directory().node(request.productNodeId()).filter(n -> n.level() == NodeLevel.PRODUCT)
                .orElseThrow(() -> new ApiException(ErrorCode.LIMIT_NODE_UNKNOWN, "node " + request.productNodeId()
                        + " is not a product node of line " + line.lineId()));
        if (!customer.hasLoanAccount()) {
            throw new ApiException(ErrorCode.DOWNSTREAM_UNAVAILABLE, "customer " + customer.customerId()
                    + " has no loan account yet (its onboarding did not reach the ledger): onboard it again with"
                    + " the same body, then retry");
        }
        return new LoanTerms(customer.customerId(), line.lineId(), request.productNodeId(), request.amountMinor(),
                request.currency(), payee);
    }

    /** Best effort: phase two is asynchronous, so the payout is often not confirmed yet; the sweeper finishes it. */
    private void completeIfPaidOut(String loanId) {
        try {
            completion.complete(loanId);
        } catch (RuntimeException e) {
            log.info("loan {}: completing the disbursement right after commit failed ({}); the sweeper retries", loanId,
                    e.toString());
        }
    }
}
