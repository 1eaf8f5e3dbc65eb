package io.creditsuite.credit.application;

import io.creditsuite.api.credit.HoldStateView;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.LoanView;
import io.creditsuite.api.lending.RepaymentView;
import io.creditsuite.credit.application.lending.LendingViews;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanRepository;
import io.creditsuite.credit.domain.lending.RepaymentRepository;
import io.creditsuite.credit.domain.lending.RepaymentState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * credit-service's current state by id alone, for the suite's reconciliation (reconcile-service's source of truth
 * before it calls an event missing): the committed rows now, with no partner scope, so never exposed to partners.
 * Bad input is {@code CS-1000}; an unknown id its own 404 code.
 */
public class CreditStateQueries {
    private final LimitDirectory directory;
    private final LoanRepository loans;
    private final RepaymentRepository repayments;

    public CreditStateQueries(LimitDirectory directory, LoanRepository loans, RepaymentRepository repayments) {
        this.directory = directory;
        this.loans = loans;
        this.repayments = repayments;
    }

    public HoldStateView hold(String holdId) {
        Requests.requireId(holdId, "holdId");
        Hold h = directory.hold(holdId).orElseThrow(() -> new ApiException(ErrorCode.HOLD_UNKNOWN,
                "no hold " + holdId));
        return new HoldStateView(h.holdId(), h.lineId(), h.currency(), h.frozenMinor(), h.inTransitMinor(),
                h.inUseMinor(), h.expiresAt() == null ? null : h.expiresAt().toEpochMilli(), h.tccXid());
    }

    public LoanView loan(String loanId) {
        return LendingViews.loan(existing(loanId));
    }

    /** Only repayments that were applied (DONE): a pending or failed one moved nothing and told no one. */
    public List<RepaymentView> repayments(String loanId) {
        return repayments.ofLoan(existing(loanId).loanId()).stream().filter(r -> r.status() == RepaymentState.DONE)
                .map(LendingViews::repayment).collect(Collectors.toCollection(ArrayList::new)); // Hessian2: a plain list
    }

    private Loan existing(String loanId) {
        Requests.requireId(loanId, "loanId");
        return loans.byId(loanId).orElseThrow(() -> new ApiException(ErrorCode.LOAN_UNKNOWN, "no loan " + loanId));
    }
}
