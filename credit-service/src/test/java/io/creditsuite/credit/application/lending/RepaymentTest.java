package io.creditsuite.credit.application.lending;

import static io.creditsuite.credit.application.fakes.InMemoryCredit.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.CustomerView;
import io.creditsuite.api.lending.DrawdownRequest;
import io.creditsuite.api.lending.RepaymentRequest;
import io.creditsuite.api.lending.RepaymentResult;
import io.creditsuite.credit.application.fakes.InMemoryLending;
import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.lending.RepaymentState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** 还款 exactly once: the ledger's voucher and the credit return's request id under retries. */
class RepaymentTest {
    private final InMemoryLending lending = new InMemoryLending();
    private final CustomerView alice;
    private GrantLineResult line;
    private String loanId;

    RepaymentTest() {
        lending.registerPartner("p1");
        lending.registerPartner("p2");
        alice = lending.onboard("p1", "alice-ref");
    }

    private void drawOn(boolean revolving, long amount) {
        line = lending.grantLine("L1", alice.customerId(), 1_000, revolving);
        loanId = lending.drawdowns.drawdown(new DrawdownRequest("d-1", "p1", alice.customerId(), "L1", product(line),
                amount, "CNY", "payee")).loan().loanId();
    }

    private RepaymentRequest repay(String requestId, long principal, long interest) {
        return new RepaymentRequest(requestId, "p1", loanId, principal, interest, "CNY", "6222-9999");
    }

    private long inUseOfEveryNode() {
        long inUse = -1;
        for (LimitNodeView node : line.nodes()) {
            long n = lending.credit.directory.balances(node.nodeId()).inUseMinor();
            assertThat(inUse == -1 || inUse == n).as("every node carries the same in use").isTrue();
            inUse = n;
        }
        return inUse;
    }

    @Test
    void a_repayment_retried_through_ledger_failures_is_applied_exactly_once() {
        drawOn(true, 600);
        lending.ledger.repayUnavailable = 1;
        lending.ledger.postBeforeFailing = true; // the ledger posted, its answer was lost

        ApiException lost = catchThrowableOfType(ApiException.class,
                () -> lending.repaymentsHandler.repay(repay("r-1", 200, 15)));
        assertThat(lost.errorCode()).isEqualTo(ErrorCode.DOWNSTREAM_UNAVAILABLE);
        assertThat(inUseOfEveryNode()).as("nothing returned yet").isEqualTo(600);

        RepaymentResult retried = lending.repaymentsHandler.repay(repay("r-1", 200, 15));
        RepaymentResult again = lending.repaymentsHandler.repay(repay("r-1", 200, 15));
        lending.credit.clock.advance(Duration.ofMinutes(5));
        assertThat(lending.settlement.sweep(Duration.ofSeconds(10), 10)).isZero();

        assertThat(again).isEqualTo(retried);
        assertThat(retried.repayment().voucherNo()).isEqualTo("LOAN-" + loanId + "-R-1");
        assertThat(retried.loan().principalOutstandingMinor()).isEqualTo(400);
        assertThat(retried.loan().repaidPrincipalMinor()).isEqualTo(200);
        assertThat(lending.ledger.posted).hasSize(1);
        assertThat(lending.ledger.principalPosted()).isEqualTo(200);
        assertThat(inUseOfEveryNode()).isEqualTo(400);
        assertThat(lending.events.events.stream().filter(e -> e.startsWith("LOAN_REPAID"))).hasSize(1);
    }

    @Test
    void the_sweeper_settles_a_repayment_the_partner_never_retried() {
        drawOn(true, 600);
        lending.ledger.repayUnavailable = 1;
        catchThrowableOfType(ApiException.class, () -> lending.repaymentsHandler.repay(repay("r-1", 600, 0)));

        lending.credit.clock.advance(Duration.ofSeconds(11));
        assertThat(lending.settlement.sweep(Duration.ofSeconds(10), 10)).isEqualTo(1);

        assertThat(lending.loans.byId(loanId).orElseThrow().status().name()).isEqualTo("REPAID");
        assertThat(lending.repaymentsHandler.repay(repay("r-1", 600, 0)).loan().status()).isEqualTo("REPAID");
        assertThat(lending.ledger.posted).hasSize(1);
        assertThat(inUseOfEveryNode()).isZero();
    }

    @Test
    void repayments_in_flight_count_against_the_outstanding() {
        drawOn(true, 600);
        lending.ledger.repayUnavailable = 1;
        catchThrowableOfType(ApiException.class, () -> lending.repaymentsHandler.repay(repay("r-1", 500, 0)));

        ApiException exceeds = catchThrowableOfType(ApiException.class,
                () -> lending.repaymentsHandler.repay(repay("r-2", 101, 0)));
        RepaymentResult fits = lending.repaymentsHandler.repay(repay("r-3", 100, 0));

        assertThat(exceeds.errorCode()).isEqualTo(ErrorCode.REPAYMENT_EXCEEDS_OUTSTANDING);
        assertThat(fits.loan().principalOutstandingMinor()).isEqualTo(500);
        assertThat(lending.repaymentsHandler.repay(repay("r-1", 500, 0)).loan().status()).isEqualTo("REPAID");
        assertThat(catchThrowableOfType(ApiException.class, () -> lending.repaymentsHandler.repay(repay("r-4", 1, 0)))
                .errorCode()).isEqualTo(ErrorCode.LOAN_STATE_CONFLICT);
    }

    @Test
    void a_revolving_line_gets_its_available_back_and_a_non_revolving_line_retires_it() {
        drawOn(true, 600);
        lending.repaymentsHandler.repay(repay("r-1", 600, 20));
        for (LimitNodeView node : line.nodes()) {
            Balances b = lending.credit.directory.balances(node.nodeId());
            assertThat(b.availableAt(lending.credit.clock.instant())).isEqualTo(1_000);
        }

        InMemoryLending other = new InMemoryLending();
        other.registerPartner("p1");
        CustomerView bob = other.onboard("p1", "bob-ref");
        GrantLineResult fixed = other.grantLine("L9", bob.customerId(), 1_000, false);
        String bobLoan = other.drawdowns.drawdown(new DrawdownRequest("d-1", "p1", bob.customerId(), "L9",
                product(fixed), 600, "CNY", "payee")).loan().loanId();
        other.repaymentsHandler.repay(new RepaymentRequest("r-1", "p1", bobLoan, 600, 0, "CNY", "payer"));
        for (LimitNodeView node : fixed.nodes()) {
            Balances b = other.credit.directory.balances(node.nodeId());
            assertThat(b.inUseMinor()).isZero();
            assertThat(b.retiredMinor()).isEqualTo(600);
            assertThat(b.availableAt(other.credit.clock.instant())).isEqualTo(400);
        }
    }

    @Test
    void a_repayment_the_ledger_refuses_fails_returns_nothing_and_its_retry_gets_the_same_error() {
        drawOn(true, 600);
        lending.ledger.refuseRepaymentWith = "ACCOUNT_FROZEN";

        ApiException first = catchThrowableOfType(ApiException.class,
                () -> lending.repaymentsHandler.repay(repay("r-1", 200, 0)));
        ApiException retry = catchThrowableOfType(ApiException.class,
                () -> lending.repaymentsHandler.repay(repay("r-1", 200, 0)));

        assertThat(first.errorCode()).isEqualTo(ErrorCode.ACCOUNT_FROZEN);
        assertThat(retry.errorCode()).isEqualTo(ErrorCode.ACCOUNT_FROZEN);
        assertThat(lending.repayments.rows.values()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RepaymentState.FAILED));
        assertThat(inUseOfEveryNode()).isEqualTo(600);
        assertThat(lending.loanQueries.repayments("p1", loanId)).isEmpty();
        lending.ledger.refuseRepaymentWith = null;
        assertThat(lending.repaymentsHandler.repay(repay("r-2", 200, 0)).loan().principalOutstandingMinor())
                .as("a failed repayment claims nothing").isEqualTo(400);
    }

    @Test
    void another_partners_loan_a_reused_id_and_bad_amounts_are_refused_and_write_nothing() {
        drawOn(true, 600);

        assertCode(new RepaymentRequest("r-1", "p2", loanId, 100, 0, "CNY", "payer"), ErrorCode.LOAN_UNKNOWN);
        assertCode(new RepaymentRequest("r-1", "p1", "LNnope", 100, 0, "CNY", "payer"), ErrorCode.LOAN_UNKNOWN);
        assertCode(repay("r-1", 0, 0), ErrorCode.AMOUNT_INVALID);
        assertCode(repay("r-1", 100, -1), ErrorCode.AMOUNT_INVALID);
        assertCode(repay("r-1", 601, 0), ErrorCode.REPAYMENT_EXCEEDS_OUTSTANDING);
        assertCode(new RepaymentRequest("r-1", "p1", loanId, 100, 0, "USD", "payer"), ErrorCode.CREDIT_CURRENCY_MISMATCH);
        assertThat(lending.repayments.rows).isEmpty();

        lending.repaymentsHandler.repay(repay("r-1", 100, 0));
        assertCode(repay("r-1", 101, 0), ErrorCode.REQUEST_ID_REUSED);
        assertThat(lending.repayments.rows).hasSize(1);
        assertThat(lending.loanQueries.repayments("p1", loanId)).hasSize(1);
    }

    private void assertCode(RepaymentRequest request, ErrorCode code) {
        assertThat(catchThrowableOfType(ApiException.class, () -> lending.repaymentsHandler.repay(request)).errorCode())
                .as(request.toString()).isEqualTo(code);
    }
}
