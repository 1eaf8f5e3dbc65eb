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
 * Called right after the global commit, by a sweeper over DISBURSING loans, and later by the ledger's event consumer:
 * all three are the same idempotent step, and the ledger's record is the fact asked, so a lost or late event or
 * a crash in between cannot strand a loan.
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
