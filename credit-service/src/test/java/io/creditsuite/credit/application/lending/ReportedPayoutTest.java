package io.creditsuite.credit.application.lending;

import static io.creditsuite.credit.application.fakes.InMemoryCredit.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.lending.CustomerView;
import io.creditsuite.api.lending.DrawdownOutcome;
import io.creditsuite.api.lending.DrawdownRequest;
import io.creditsuite.credit.application.fakes.InMemoryLending;
import io.creditsuite.credit.application.lending.CompleteDisbursementHandler.Reported;
import io.creditsuite.credit.application.lending.CompleteDisbursementHandler.ReportedPayout;
import io.creditsuite.credit.domain.lending.Ledger;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanState;
import org.junit.jupiter.api.Test;

/** The ledger's report of a payout (LEDGER_TRANSFER_CONFIRMED) completes a loan once, and only a loan it fits. */
class ReportedPayoutTest {
    private final InMemoryLending lending = new InMemoryLending();
    private final CustomerView alice;
    private final GrantLineResult line;

    ReportedPayoutTest() {
        lending.registerPartner("p1");
        alice = lending.onboard("p1", "alice-ref");
        line = lending.grantLine("L1", alice.customerId(), 1_000, true);
    }

    /** Committed, both phase twos kept back: DISBURSING, credit's hold still frozen, the ledger's transfer TRIED. */
    private Loan committedAwaitingPhaseTwo(String requestId, long amount) {
        lending.transaction.deferPhaseTwo = true;
        assertThat(lending.drawdowns.drawdown(new DrawdownRequest(requestId, "p1", alice.customerId(), "L1",
                product(line), amount, "CNY", "payee")).outcome()).isEqualTo(DrawdownOutcome.ACCEPTED);
        Loan loan = lending.loans.byPartnerRequest("p1", requestId).orElseThrow();
        assertThat(loan.status()).isEqualTo(LoanState.DISBURSING);
        return loan;
    }

    private Reported report(Loan loan, long amount) {
        return lending.completion.completeReportedPayout(new ReportedPayout(loan.loanId(), amount, "CNY"));
    }

    @Test
    void a_report_completes_the_loan_once_credit_confirmed_without_asking_the_ledger_and_a_repeat_changes_nothing() {
        Loan loan = committedAwaitingPhaseTwo("d-1", 300);

        assertThat(report(loan, 300)).isEqualTo(Reported.CREDIT_CONFIRM_PENDING);
        assertThat(Reported.CREDIT_CONFIRM_PENDING.retryable()).isTrue();
        lending.credit.holds.confirmTry(loan.holdId(), 300); // credit's phase two; the ledger's record still says TRIED
        assertThat(lending.ledger.payout(loan.transferId())).isEqualTo(Ledger.PayoutState.TRIED);
        assertThat(lending.completion.complete(loan.loanId())).as("the poll waits for the ledger's record").isFalse();

        assertThat(report(loan, 300)).isEqualTo(Reported.COMPLETED);
        assertThat(report(loan, 300)).isEqualTo(Reported.ALREADY_DISBURSED);
        Loan active = lending.loans.byId(loan.loanId()).orElseThrow();
        assertThat(active.status()).isEqualTo(LoanState.ACTIVE);
        assertThat(active.principalOutstandingMinor()).isEqualTo(300);
        assertThat(lending.events.events).containsOnlyOnce("LOAN_DISBURSED " + loan.loanId());
    }

    @Test
    void a_report_that_does_not_fit_a_loan_here_changes_nothing() {
        Loan loan = committedAwaitingPhaseTwo("d-1", 300);
        lending.credit.holds.confirmTry(loan.holdId(), 300);

        assertThat(report(loan, 299)).isEqualTo(Reported.DIFFERS_FROM_LOAN);
        assertThat(lending.completion.completeReportedPayout(new ReportedPayout(loan.loanId(), 300, "USD")))
                .isEqualTo(Reported.DIFFERS_FROM_LOAN);
        assertThat(lending.completion.completeReportedPayout(new ReportedPayout("LNnobody", 300, "CNY")))
                .isEqualTo(Reported.UNKNOWN_LOAN);
        assertThat(lending.loans.byId(loan.loanId()).orElseThrow().status()).isEqualTo(LoanState.DISBURSING);
        assertThat(Reported.DIFFERS_FROM_LOAN.retryable()).isFalse();
        assertThat(Reported.UNKNOWN_LOAN.retryable()).isFalse();
    }

    @Test
    void a_report_for_a_loan_still_pending_or_refused_changes_nothing() {
        lending.transaction.loseCommitAnswer = true;
        lending.transaction.deferPhaseTwo = true;
        catchThrowableOfType(ApiException.class, () -> lending.drawdowns.drawdown(new DrawdownRequest("d-1", "p1",
                alice.customerId(), "L1", product(line), 300, "CNY", "payee")));
        Loan pending = lending.loans.byPartnerRequest("p1", "d-1").orElseThrow();
        lending.transaction.loseCommitAnswer = false;
        lending.transaction.deferPhaseTwo = false;
        lending.drawdowns.drawdown(new DrawdownRequest("d-2", "p1", alice.customerId(), "L1", product(line), 5_000,
                "CNY", "payee"));
        Loan refused = lending.loans.byPartnerRequest("p1", "d-2").orElseThrow();

        assertThat(report(pending, 300)).isEqualTo(Reported.LOAN_NOT_COMMITTED_YET);
        assertThat(Reported.LOAN_NOT_COMMITTED_YET.retryable()).isTrue();
        assertThat(report(refused, 5_000)).isEqualTo(Reported.LOAN_REFUSED);
        assertThat(lending.loans.byId(pending.loanId()).orElseThrow().status()).isEqualTo(LoanState.PENDING);
        assertThat(lending.loans.byId(refused.loanId()).orElseThrow().status()).isEqualTo(LoanState.REFUSED);
    }
}
