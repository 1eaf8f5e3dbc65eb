package io.creditsuite.credit.application.lending;

import io.creditsuite.api.credit.ReturnRequest;
import io.creditsuite.credit.application.HoldOperationHandler;
import io.creditsuite.credit.domain.lending.LendingEvents;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanRepository;
import io.creditsuite.credit.domain.lending.LoanState;
import io.creditsuite.credit.domain.lending.PartnerCustomerRepository;
import io.creditsuite.credit.domain.lending.PartnerRepository;
import io.creditsuite.credit.domain.lending.PartnerRequest;
import io.creditsuite.credit.domain.lending.Repayment;
import io.creditsuite.credit.domain.lending.RepaymentPolicy;
import io.creditsuite.credit.domain.lending.RepaymentRepository;
import io.creditsuite.credit.domain.lending.RepaymentState;
import java.time.Clock;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local transactions of a repayment: recording it (under the loan's row lock, {@link RepaymentPolicy}), and
 * settling it: DONE with the limit returned and the loan's principal lowered in ONE transaction, or FAILED.
 */
public class RepaymentBook {
    private final LoanRepository loans;
    private final RepaymentRepository repayments;
    private final PartnerRepository partners;
    private final PartnerCustomerRepository customers;
    private final HoldOperationHandler holds;
    private final LendingEvents events;
    private final LendingIds ids;
    private final Clock clock;

    public RepaymentBook(LoanRepository loans, RepaymentRepository repayments, PartnerRepository partners,
                         PartnerCustomerRepository customers, HoldOperationHandler holds, LendingEvents events,
                         LendingIds ids, Clock clock) {
        this.loans = loans;
        this.repayments = repayments;
        this.partners = partners;
        this.customers = customers;
        this.holds = holds;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Step 1: the repayment PENDING, if it fits ({@link RepaymentPolicy}: the principal of the repayments in flight
     * counts as taken). The repayment already recorded under the partner's request id when one is.
     */
    @Transactional
    public Repayment open(String loanId, PartnerRequest origin, Repayment.RepaymentAmounts amounts, String payerAccount) {
        Loan loan = loans.lock(loanId).orElseThrow();
        var earlier = repayments.byPartnerRequest(origin.partnerId(), origin.requestId());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<Repayment> ofLoan = repayments.ofLoan(loanId);
        long inFlight = ofLoan.stream().filter(r -> r.status() == RepaymentState.PENDING)
                .mapToLong(Repayment::principalMinor).reduce(0, Math::addExact);
        RepaymentPolicy.check(loan, inFlight, amounts.principalMinor());
        Repayment repayment = Repayment.pending(ids.repaymentId(), origin, loanId, ofLoan.size() + 1, amounts,
                payerAccount, clock.instant());
        if (!repayments.insert(repayment)) {
            // the partner's request id was taken meanwhile for another loan: the caller compares the bodies
            return repayments.byPartnerRequest(origin.partnerId(), origin.requestId()).orElseThrow();
        }
        return repayment;
    }

    /**
     * Step 3, after the ledger posted: the limit returns on the loan's hold (revolving nodes restore available,
     * non-revolving ones retire it), {@code repaidPrincipal += principal} (REPAID at zero outstanding), the repayment
     * DONE, and LOAN_REPAID, all in this transaction. A repayment no longer PENDING is left as it is.
     */
    @Transactional
    public Repayment complete(String repaymentId) {
        Repayment repayment = repayments.byId(repaymentId).orElseThrow();
        Loan loan = loans.lock(repayment.loanId()).orElseThrow();
        // read again under the loan's lock: at the service's READ COMMITTED it sees what an earlier holder committed
        repayment = repayments.byId(repaymentId).orElseThrow();
        if (repayment.status() != RepaymentState.PENDING) {
            return repayment;
        }
        holds.repayInCallerTransaction(new ReturnRequest(repayment.returnRequestId(), loan.holdId(),
                repayment.principalMinor(), repayment.amounts().currency()));
        Loan repaid = loan.repaid(repayment.principalMinor());
        loans.update(repaid, LoanState.ACTIVE);
        Repayment done = repayment.done(clock.instant());
        repayments.settle(done);
        events.repaid(done, repaid, partners.byId(loan.partnerId()).orElseThrow(),
                customers.byId(loan.customerId()).orElseThrow());
        return done;
    }

    /** The ledger refused the posting: FAILED, nothing returned. */
    @Transactional
    public Repayment fail(String repaymentId, String why) {
        Repayment repayment = repayments.byId(repaymentId).orElseThrow();
        loans.lock(repayment.loanId());
        repayment = repayments.byId(repaymentId).orElseThrow();
        if (repayment.status() != RepaymentState.PENDING) {
            return repayment;
        }
        Repayment failed = repayment.failed(why, clock.instant());
        repayments.settle(failed);
        return failed;
    }
}
