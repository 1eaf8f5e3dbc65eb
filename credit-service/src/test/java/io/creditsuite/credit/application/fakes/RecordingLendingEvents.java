package io.creditsuite.credit.application.fakes;

import io.creditsuite.credit.domain.lending.LendingEvents;
import io.creditsuite.credit.domain.lending.LendingPartner;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.PartnerCustomer;
import io.creditsuite.credit.domain.lending.Repayment;
import java.util.ArrayList;
import java.util.List;

/** The events, as "TYPE businessKey". */
public final class RecordingLendingEvents implements LendingEvents {
    public final List<String> events = new ArrayList<>();

    @Override
    public void drawdownCommitted(Loan loan, LendingPartner partner, PartnerCustomer customer) {
        events.add("LOAN_DRAWDOWN_COMMITTED " + loan.loanId());
    }

    @Override
    public void drawdownRefused(Loan loan) {
        events.add("LOAN_DRAWDOWN_REFUSED " + loan.loanId());
    }

    @Override
    public void disbursed(Loan loan, LendingPartner partner, PartnerCustomer customer) {
        events.add("LOAN_DISBURSED " + loan.loanId());
    }

    @Override
    public void repaid(Repayment repayment, Loan loan, LendingPartner partner, PartnerCustomer customer) {
        events.add("LOAN_REPAID " + repayment.repaymentId());
    }
}
