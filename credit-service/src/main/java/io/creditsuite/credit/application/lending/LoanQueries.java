package io.creditsuite.credit.application.lending;

import io.creditsuite.api.lending.LoanView;
import io.creditsuite.api.lending.RepaymentView;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.RepaymentRepository;
import io.creditsuite.credit.domain.lending.RepaymentState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A partner's loans and their repayments (LOAN_UNKNOWN for another partner's loan). */
public class LoanQueries {
    private final PartnerOwnership ownership;
    private final RepaymentRepository repayments;

    public LoanQueries(PartnerOwnership ownership, RepaymentRepository repayments) {
        this.ownership = ownership;
        this.repayments = repayments;
    }

    public LoanView loan(String partnerId, String loanId) {
        return LendingViews.loan(ownership.loan(partnerId, loanId));
    }

    /** The repayments that were applied (DONE), oldest first; pending and failed ones moved nothing. */
    public List<RepaymentView> repayments(String partnerId, String loanId) {
        Loan loan = ownership.loan(partnerId, loanId);
        return repayments.ofLoan(loan.loanId()).stream().filter(r -> r.status() == RepaymentState.DONE)
                .map(LendingViews::repayment).collect(Collectors.toCollection(ArrayList::new));
    }
}
