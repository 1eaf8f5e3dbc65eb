package io.creditsuite.credit.application.lending;

import io.creditsuite.api.credit.DisburseRequest;
import io.creditsuite.credit.application.HoldOperationHandler;
import io.creditsuite.credit.domain.lending.LendingEvents;
import io.creditsuite.credit.domain.lending.LendingPartner;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanRepository;
import io.creditsuite.credit.domain.lending.LoanState;
import io.creditsuite.credit.domain.lending.PartnerCustomer;
import io.creditsuite.credit.domain.lending.PartnerCustomerRepository;
import io.creditsuite.credit.domain.lending.PartnerRepository;
import io.creditsuite.credit.domain.lending.Refusal;
import java.time.Clock;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local transactions of a loan's life, one per fact: each locks the loan row, moves it only from the state the
 * step expects (a second run finds it moved and changes nothing) and appends the fact's event in the same
 * transaction.
 */
public class LoanBook {
    private final LoanRepository loans;
    private final PartnerRepository partners;
    private final PartnerCustomerRepository customers;
    private final HoldOperationHandler holds;
    private final LendingEvents events;
    private final Clock clock;

    public LoanBook(LoanRepository loans, PartnerRepository partners, PartnerCustomerRepository customers,
                    HoldOperationHandler holds, LendingEvents events, Clock clock) {
        this.loans = loans;
        this.partners = partners;
        this.customers = customers;
        this.holds = holds;
        this.events = events;
        this.clock = clock;
    }

    /** false when the partner's request id holds a loan already. */
    @Transactional
    public boolean open(Loan pending) {
        return loans.insert(pending);
    }

    @Transactional
    public void attachXid(String loanId, String xid) {
        Loan loan = loans.lock(loanId).orElseThrow();
        if (loan.status() == LoanState.PENDING) {
            loans.update(loan.inTransaction(xid), LoanState.PENDING);
        }
    }

    /** PENDING -> DISBURSING, with LOAN_DRAWDOWN_COMMITTED; a loan already past PENDING is returned as it is. */
    @Transactional
    public Loan commit(String loanId) {
        Loan loan = loans.lock(loanId).orElseThrow();
        if (loan.status() != LoanState.PENDING) {
            return loan;
        }
        Loan committed = loan.committed();
        loans.update(committed, LoanState.PENDING);
        events.drawdownCommitted(committed, partner(committed), customer(committed));
        return committed;
    }

    /** PENDING -> REFUSED, with LOAN_DRAWDOWN_REFUSED; a loan already past PENDING is returned as it is. */
    @Transactional
    public Loan refuse(String loanId, Refusal why) {
        Loan loan = loans.lock(loanId).orElseThrow();
        if (loan.status() != LoanState.PENDING) {
            return loan;
        }
        Loan refused = loan.refused(why);
        loans.update(refused, LoanState.PENDING);
        events.drawdownRefused(refused);
        return refused;
    }

    /**
     * DISBURSING -> ACTIVE: credit's disbursement of the loan's hold (in transit -> in use) and the loan, in ONE
     * transaction, with LOAN_DISBURSED. Empty when the loan was not DISBURSING (already ACTIVE: a second run).
     */
    @Transactional
    public Optional<Loan> activate(String loanId) {
        Loan loan = loans.lock(loanId).orElseThrow();
        if (loan.status() != LoanState.DISBURSING) {
            return Optional.empty();
        }
        holds.disburseInCallerTransaction(new DisburseRequest(loan.disburseRequestId(), loan.holdId(), loan.amountMinor(),
                loan.terms().currency()));
        Loan active = loan.disbursedAt(clock.instant());
        loans.update(active, LoanState.DISBURSING);
        events.disbursed(active, partner(active), customer(active));
        return Optional.of(active);
    }

    private LendingPartner partner(Loan loan) {
        return partners.byId(loan.partnerId()).orElseThrow();
    }

    private PartnerCustomer customer(Loan loan) {
        return customers.byId(loan.customerId()).orElseThrow();
    }
}
