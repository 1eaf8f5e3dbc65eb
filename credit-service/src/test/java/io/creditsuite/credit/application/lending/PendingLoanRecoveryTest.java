package io.creditsuite.credit.application.lending;

import static io.creditsuite.credit.application.fakes.InMemoryCredit.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.CustomerView;
import io.creditsuite.api.lending.DrawdownRequest;
import io.creditsuite.credit.application.fakes.InMemoryLending;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanState;
import io.creditsuite.credit.domain.lending.LoanTerms;
import io.creditsuite.credit.domain.lending.PartnerRequest;
import io.creditsuite.credit.domain.lending.RefusalReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A loan left PENDING is settled from the facts (credit's hold), once the global transaction must be decided. */
class PendingLoanRecoveryTest {
    private final InMemoryLending lending = new InMemoryLending();
    private final CustomerView alice;
    private final GrantLineResult line;

    PendingLoanRecoveryTest() {
        lending.registerPartner("p1");
        alice = lending.onboard("p1", "alice-ref");
        line = lending.grantLine("L1", alice.customerId(), 1_000, true);
    }

    private String undecidedDrawdown(String requestId) {
        lending.transaction.loseCommitAnswer = true;
        lending.transaction.deferPhaseTwo = true;
        catchThrowableOfType(ApiException.class, () -> lending.drawdowns.drawdown(new DrawdownRequest(requestId, "p1",
                alice.customerId(), "L1", product(line), 300, "CNY", "payee")));
        return lending.loans.byPartnerRequest("p1", requestId).orElseThrow().loanId();
    }

    @Test
    void a_pending_loan_whose_hold_was_confirmed_becomes_disbursing_and_then_active() {
        String loanId = undecidedDrawdown("d-1");
        lending.transaction.runPhaseTwo();

        assertThat(lending.recovery.resolve(10)).as("too young: the TC may not have decided").isZero();
        lending.credit.clock.advance(InMemoryLending.SETTLED_AFTER.plusSeconds(1));
        assertThat(lending.recovery.resolve(10)).isEqualTo(1);
        assertThat(lending.loans.byId(loanId).orElseThrow().status()).isEqualTo(LoanState.DISBURSING);

        lending.completion.sweep(Duration.ZERO, 10);
        assertThat(lending.loans.byId(loanId).orElseThrow().status()).isEqualTo(LoanState.ACTIVE);
        assertThat(lending.recovery.resolve(10)).isZero();
    }

    @Test
    void a_pending_loan_whose_hold_was_cancelled_or_never_opened_is_refused_unavailable() {
        lending.transaction.fundingUnavailable = true;
        lending.transaction.deferPhaseTwo = true;
        lending.drawdowns.drawdown(new DrawdownRequest("d-0", "p1", alice.customerId(), "L1", product(line), 300, "CNY",
                "payee"));
        // the same shape as a crashed TM: a loan PENDING with its hold cancelled by the TC, and one with no hold at all
        Loan cancelled = Loan.pending("LNcancelled", new PartnerRequest("p1", "d-1", "h"), new LoanTerms(
                alice.customerId(), "L1", product(line), 300, "CNY", "payee"), lending.credit.clock.instant());
        lending.loans.insert(cancelled);
        lending.credit.freeze.tryTcc(new io.creditsuite.api.credit.FreezeRequest(cancelled.holdId(), "L1",
                product(line), 0, 300, "CNY", null), "xid-crashed");
        lending.credit.holds.cancelTry(cancelled.holdId());
        Loan neverTried = Loan.pending("LNnever", new PartnerRequest("p1", "d-2", "h"), new LoanTerms(
                alice.customerId(), "L1", product(line), 300, "CNY", "payee"), lending.credit.clock.instant());
        lending.loans.insert(neverTried);

        lending.credit.clock.advance(InMemoryLending.SETTLED_AFTER.plusSeconds(1));
        assertThat(lending.recovery.resolve(10)).isEqualTo(2);

        for (String id : new String[] {"LNcancelled", "LNnever"}) {
            Loan loan = lending.loans.byId(id).orElseThrow();
            assertThat(loan.status()).isEqualTo(LoanState.REFUSED);
            assertThat(loan.refusal().reason()).isEqualTo(RefusalReason.UNAVAILABLE);
        }
    }

    @Test
    void a_pending_loan_whose_hold_still_waits_for_phase_two_is_left_pending() {
        String loanId = undecidedDrawdown("d-1");
        lending.credit.clock.advance(InMemoryLending.SETTLED_AFTER.plusSeconds(1));

        assertThat(lending.recovery.resolve(10)).isZero();
        assertThat(lending.loans.byId(loanId).orElseThrow().status()).isEqualTo(LoanState.PENDING);
        assertThat(catchThrowableOfType(ApiException.class, () -> lending.drawdowns.drawdown(new DrawdownRequest("d-1",
                "p1", alice.customerId(), "L1", product(line), 300, "CNY", "payee"))).errorCode())
                .isEqualTo(ErrorCode.REQUEST_IN_PROGRESS);
    }
}
