package io.creditsuite.credit.application.lending;

import io.creditsuite.credit.application.HoldOperationHandler;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanRepository;
import io.creditsuite.credit.domain.lending.LoanState;
import io.creditsuite.credit.domain.lending.Refusal;
import io.creditsuite.credit.domain.lending.RefusalReason;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovery of loans left PENDING (the transaction manager crashed, or the commit's answer was lost): once a loan is
 * older than the global timeout plus a margin, the TC has decided its transaction, and credit's own hold tells how:
 * confirmed (a {@code tcc-confirm} flow) -> DISBURSING; cancelled, or never opened -> REFUSED UNAVAILABLE. A hold still
 * waiting for phase two is left for a later pass: the facts decide, never a guess.
 */
public class ResolvePendingLoansHandler {
    private static final Logger log = LoggerFactory.getLogger(ResolvePendingLoansHandler.class);

    private final LoanRepository loans;
    private final LimitDirectory directory;
    private final LoanBook book;
    private final Clock clock;
    private final Duration settledAfter;

    /** {@code settledAfter}: the global transaction timeout plus a margin. */
    public ResolvePendingLoansHandler(LoanRepository loans, LimitDirectory directory, LoanBook book, Clock clock,
                                      Duration settledAfter) {
        this.loans = loans;
        this.directory = directory;
        this.book = book;
        this.clock = clock;
        this.settledAfter = settledAfter;
    }

    /** Returns how many loans it resolved. */
    public int resolve(int limit) {
        int resolved = 0;
        for (Loan loan : loans.inState(LoanState.PENDING, clock.instant().minus(settledAfter), limit)) {
            String holdId = loan.holdId();
            if (directory.flow(HoldOperationHandler.confirmRequestId(holdId)).isPresent()) {
                book.commit(loan.loanId());
                log.warn("loan {} was left PENDING; its hold was confirmed by {}: DISBURSING", loan.loanId(), loan.xid());
                resolved++;
            } else if (directory.flow(HoldOperationHandler.cancelRequestId(holdId)).isPresent()
                    || directory.hold(holdId).isEmpty()) {
                book.refuse(loan.loanId(), new Refusal(RefusalReason.UNAVAILABLE, "the drawdown's global transaction "
                        + loan.xid() + " did not finish in time; it was rolled back and nothing stays frozen"));
                log.warn("loan {} was left PENDING; its transaction {} rolled back: REFUSED", loan.loanId(), loan.xid());
                resolved++;
            }
        }
        return resolved;
    }
}
