package io.creditsuite.credit.application.lending;

import io.creditsuite.api.lending.CustomerView;
import io.creditsuite.api.lending.DrawdownOutcome;
import io.creditsuite.api.lending.DrawdownRefusal;
import io.creditsuite.api.lending.DrawdownResult;
import io.creditsuite.api.lending.LendingPartnerView;
import io.creditsuite.api.lending.LoanView;
import io.creditsuite.api.lending.RepaymentView;
import io.creditsuite.credit.domain.lending.LendingPartner;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanState;
import io.creditsuite.credit.domain.lending.PartnerCustomer;
import io.creditsuite.credit.domain.lending.Repayment;

/** The API's views of lending's records. */
public final class LendingViews {
    private LendingViews() {
    }

    public static LendingPartnerView partner(LendingPartner p) {
        return new LendingPartnerView(p.partnerId(), p.name(), p.currency(), p.fundingAccountId(),
                p.interestIncomeAccountId(), p.registeredAt().toEpochMilli());
    }

    public static CustomerView customer(PartnerCustomer c, String currency) {
        return new CustomerView(c.customerId(), c.partnerId(), c.partnerCustomerRef(), c.name(), currency,
                c.loanAccountId() == null ? 0 : c.loanAccountId(), c.onboardedAt().toEpochMilli());
    }

    public static LoanView loan(Loan l) {
        return new LoanView(l.loanId(), l.partnerId(), l.customerId(), l.terms().lineId(), l.terms().productNodeId(),
                l.amountMinor(), l.terms().currency(), l.terms().payeeAccount(), l.status().name(),
                l.refusal() == null ? null : l.refusal().reason().name(), l.principalOutstandingMinor(),
                l.repaidPrincipalMinor(), l.xid(), l.createdAt().toEpochMilli(),
                l.disbursedAt() == null ? null : l.disbursedAt().toEpochMilli());
    }

    /** ACCEPTED for a committed loan (DISBURSING and later), REFUSED with its reason for a refused one. */
    public static DrawdownResult drawdown(Loan l) {
        if (l.status() == LoanState.REFUSED) {
            return new DrawdownResult(DrawdownOutcome.REFUSED, DrawdownRefusal.valueOf(l.refusal().reason().name()),
                    l.refusal().detail(), loan(l));
        }
        return new DrawdownResult(DrawdownOutcome.ACCEPTED, null, null, loan(l));
    }

    public static RepaymentView repayment(Repayment r) {
        return new RepaymentView(r.repaymentId(), r.loanId(), r.principalMinor(), r.amounts().interestMinor(),
                r.amounts().currency(), r.payerAccount(), r.voucherNo(),
                (r.settledAt() == null ? r.createdAt() : r.settledAt()).toEpochMilli());
    }
}
