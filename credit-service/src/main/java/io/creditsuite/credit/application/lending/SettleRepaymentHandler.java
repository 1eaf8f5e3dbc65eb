package io.creditsuite.credit.application.lending;

import io.creditsuite.credit.domain.lending.Ledger;
import io.creditsuite.credit.domain.lending.LendingPartner;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanRepository;
import io.creditsuite.credit.domain.lending.PartnerCustomer;
import io.creditsuite.credit.domain.lending.PartnerCustomerRepository;
import io.creditsuite.credit.domain.lending.PartnerRepository;
import io.creditsuite.credit.domain.lending.Repayment;
import io.creditsuite.credit.domain.lending.RepaymentRepository;
import io.creditsuite.credit.domain.lending.RepaymentState;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps 2 and 3 of a repayment, both idempotent, so running them again (a partner's retry, the sweeper, both at
 * once) applies the repayment exactly once: the ledger posts voucher {@code LOAN-<loan>-R-<n>} at most once, and the
 * limit return and the loan's update commit together and only from PENDING.
 */
public class SettleRepaymentHandler {
    private static final Logger log = LoggerFactory.getLogger(SettleRepaymentHandler.class);

    private final RepaymentRepository repayments;
    private final LoanRepository loans;
    private final PartnerRepository partners;
    private final PartnerCustomerRepository customers;
    private final Ledger ledger;
    private final RepaymentBook book;
    private final Clock clock;

    public SettleRepaymentHandler(RepaymentRepository repayments, LoanRepository loans, PartnerRepository partners,
                                  PartnerCustomerRepository customers, Ledger ledger, RepaymentBook book, Clock clock) {
        this.repayments = repayments;
        this.loans = loans;
        this.partners = partners;
        this.customers = customers;
        this.ledger = ledger;
        this.book = book;
        this.clock = clock;
    }

    /**
     * Posts the repayment in the ledger, then settles it; {@link Ledger.LedgerUnavailable} when the ledger did not
     * answer (the repayment stays PENDING).
     */
    public Repayment settle(String repaymentId) {
        Repayment repayment = repayments.byId(repaymentId).orElseThrow();
        if (repayment.status() != RepaymentState.PENDING) {
            return repayment;
        }
        Loan loan = loans.byId(repayment.loanId()).orElseThrow();
        LendingPartner partner = partners.byId(loan.partnerId()).orElseThrow();
        PartnerCustomer customer = customers.byId(loan.customerId()).orElseThrow();
        Ledger.RepayAnswer answer = ledger.repayLoan(new Ledger.LoanRepayment(repayment.voucherNo(),
                partner.fundingAccountId(), customer.loanAccountId(), partner.interestIncomeAccountId(),
                repayment.principalMinor(), repayment.amounts().interestMinor(), repayment.amounts().currency()));
        if (!answer.posted()) {
            return book.fail(repaymentId, answer.errorCode() + ": " + answer.message());
        }
        return book.complete(repaymentId);
    }

    /** The sweeper's pass over PENDING repayments older than {@code minAge}; returns how many it settled. */
    public int sweep(Duration minAge, int limit) {
        int settled = 0;
        for (Repayment repayment : repayments.pending(clock.instant().minus(minAge), limit)) {
            try {
                if (settle(repayment.repaymentId()).status() != RepaymentState.PENDING) {
                    settled++;
                }
            } catch (RuntimeException e) {
                log.info("repayment {} not settled yet: {}", repayment.repaymentId(), e.toString());
            }
        }
        return settled;
    }
}
