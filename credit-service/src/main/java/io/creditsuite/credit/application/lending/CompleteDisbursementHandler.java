package io.creditsuite.credit.application.lending;

import io.creditsuite.credit.application.HoldOperationHandler;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.lending.Ledger;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanRepository;
import io.creditsuite.credit.domain.lending.LoanState;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DISBURSING -> ACTIVE once both sides of the committed drawdown ran their phase two: the ledger's record of the
 * funding transfer says CONFIRMED (the disbursement entry is posted) and credit's hold was confirmed (in transit).
 * Then credit's disbursement (in transit -> in use) and the loan's move commit together ({@link LoanBook#activate}).
 * Called right after the global commit, by a sweeper over DISBURSING loans ({@link #complete}: the ledger's record is
 * asked), and by the consumer of the ledger's LEDGER_TRANSFER_CONFIRMED ({@link #completeReportedPayout}: the event is
 * the ledger's answer, written in its confirm's own transaction). All are the same idempotent step under the loan's
 * row lock ({@link LoanBook#activate}), so a lost or late event or a crash in between cannot strand a loan, and a
 * duplicated one cannot disburse twice.
 */
public class CompleteDisbursementHandler {
    private static final Logger log = LoggerFactory.getLogger(CompleteDisbursementHandler.class);

    private final LoanRepository loans;
    private final LimitDirectory directory;
    private final Ledger ledger;
    private final LoanBook book;
    private final Clock clock;

    public CompleteDisbursementHandler(LoanRepository loans, LimitDirectory directory, Ledger ledger, LoanBook book,
                                       Clock clock) {
        this.loans = loans;
        this.directory = directory;
        this.ledger = ledger;
        this.book = book;
        this.clock = clock;
    }

    /** true when the loan is disbursed (ACTIVE or later) after this call. */
    public boolean complete(String loanId) {
        Loan loan = loans.byId(loanId).orElse(null);
        if (loan == null || loan.status() != LoanState.DISBURSING) {
            return loan != null && loan.disbursed();
        }
        if (ledger.payout(loan.transferId()) != Ledger.PayoutState.CONFIRMED) {
            return false;
        }
        if (directory.flow(HoldOperationHandler.confirmRequestId(loan.holdId())).isEmpty()) {
            return false;
        }
        book.activate(loanId);
        return true;
    }

    /**
     * The ledger reported the loan's funding transfer confirmed (its posting written): complete the loan without asking
     * the ledger again. {@link Reported#retryable()} outcomes change nothing and are worth trying again shortly (credit's
     * own phase two, or the drawdown's PENDING -> DISBURSING, has not committed yet); the others are final.
     */
    public Reported completeReportedPayout(ReportedPayout payout) {
        Loan loan = loans.byId(payout.loanId()).orElse(null);
        if (loan == null) {
            return Reported.UNKNOWN_LOAN;
        }
        if (loan.amountMinor() != payout.amountMinor() || !loan.terms().currency().equals(payout.currency())) {
            return Reported.DIFFERS_FROM_LOAN;
        }
        switch (loan.status()) {
            case PENDING:
                return Reported.LOAN_NOT_COMMITTED_YET;
            case REFUSED:
                return Reported.LOAN_REFUSED;
            case ACTIVE, REPAID:
                return Reported.ALREADY_DISBURSED;
            default:
                break;
        }
        if (directory.flow(HoldOperationHandler.confirmRequestId(loan.holdId())).isEmpty()) {
            return Reported.CREDIT_CONFIRM_PENDING;
        }
        return book.activate(loan.loanId()).isPresent() ? Reported.COMPLETED : Reported.ALREADY_DISBURSED;
    }

    /** The ledger's report of a loan's payout: the loan and what the confirmed transfer moved. */
    public record ReportedPayout(String loanId, long amountMinor, String currency) {
    }

    /** What a reported payout did to its loan. */
    public enum Reported {
        /** DISBURSING -> ACTIVE now. */
        COMPLETED,
        /** ACTIVE or REPAID before: nothing changed (a duplicate, or the sweeper came first). */
        ALREADY_DISBURSED,
        /** no loan of this id here: not this service's loan; nothing changed. */
        UNKNOWN_LOAN,
        /** the ledger's amount or currency is not the loan's: nothing changed; reconciliation must look at it. */
        DIFFERS_FROM_LOAN,
        /** the ledger paid out a loan whose drawdown was refused here: nothing changed; reconciliation must look. */
        LOAN_REFUSED,
        /** the loan is still PENDING (the commit's answer not yet recorded): nothing changed, retry. */
        LOAN_NOT_COMMITTED_YET,
        /** credit's own confirm (in transit) has not committed yet: nothing changed, retry. */
        CREDIT_CONFIRM_PENDING;

        public boolean retryable() {
            return this == LOAN_NOT_COMMITTED_YET || this == CREDIT_CONFIRM_PENDING;
        }
    }

    /** One pass of the sweeper: every DISBURSING loan older than {@code minAge}; returns how many became ACTIVE. */
    public int sweep(Duration minAge, int limit) {
        int done = 0;
        for (Loan loan : loans.inState(LoanState.DISBURSING, clock.instant().minus(minAge), limit)) {
            try {
                if (complete(loan.loanId())) {
                    done++;
                }
            } catch (RuntimeException e) {
                // one loan's trouble (the ledger unreachable, a frozen line) must not stop the others
                log.info("loan {}: disbursement not completed yet: {}", loan.loanId(), e.toString());
            }
        }
        return done;
    }
}
