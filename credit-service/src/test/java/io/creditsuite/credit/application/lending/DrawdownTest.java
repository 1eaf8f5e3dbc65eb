package io.creditsuite.credit.application.lending;

import static io.creditsuite.credit.application.fakes.InMemoryCredit.product;
import static io.creditsuite.credit.application.fakes.InMemoryCredit.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.CustomerView;
import io.creditsuite.api.lending.DrawdownOutcome;
import io.creditsuite.api.lending.DrawdownRefusal;
import io.creditsuite.api.lending.DrawdownRequest;
import io.creditsuite.api.lending.DrawdownResult;
import io.creditsuite.credit.application.fakes.InMemoryLending;
import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanState;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** 放款 against in-memory ports: the real credit try, a scripted account try and coordinator. */
class DrawdownTest {
    private final InMemoryLending lending = new InMemoryLending();
    private final CustomerView alice;
    private final GrantLineResult line;

    DrawdownTest() {
        lending.registerPartner("p1");
        lending.registerPartner("p2");
        alice = lending.onboard("p1", "alice-ref");
        line = lending.grantLine("L1", alice.customerId(), 1_000, true);
    }

    private DrawdownRequest request(String requestId, long amount) {
        return new DrawdownRequest(requestId, "p1", alice.customerId(), "L1", product(line), amount, "CNY", "6222-0001");
    }

    private void assertEveryNode(long frozen, long inTransit, long inUse) {
        for (LimitNodeView node : line.nodes()) {
            Balances b = lending.credit.directory.balances(node.nodeId());
            assertThat(b.frozenMinor()).as("frozen of node %s", node.nodeId()).isEqualTo(frozen);
            assertThat(b.inTransitMinor()).as("in transit of node %s", node.nodeId()).isEqualTo(inTransit);
            assertThat(b.inUseMinor()).as("in use of node %s", node.nodeId()).isEqualTo(inUse);
        }
    }

    @Test
    void an_accepted_drawdown_commits_pays_out_and_the_loan_is_active_with_its_limit_in_use() {
        DrawdownResult result = lending.drawdowns.drawdown(request("d-1", 300));

        assertThat(result.outcome()).isEqualTo(DrawdownOutcome.ACCEPTED);
        assertThat(result.refusal()).isNull();
        assertThat(result.loan().status()).isEqualTo("ACTIVE");
        assertThat(result.loan().principalOutstandingMinor()).isEqualTo(300);
        assertThat(result.loan().xid()).isEqualTo("xid-1");
        assertThat(result.loan().loanId()).startsWith("LN").hasSize(21);
        assertEveryNode(0, 0, 300);
        assertThat(lending.events.events).containsExactly("LOAN_DRAWDOWN_COMMITTED " + result.loan().loanId(),
                "LOAN_DISBURSED " + result.loan().loanId());
    }

    @Test
    void a_drawdown_beyond_the_limit_is_refused_naming_the_node_and_nothing_stays_frozen() {
        DrawdownResult result = lending.drawdowns.drawdown(request("d-1", 1_001));

        assertThat(result.outcome()).isEqualTo(DrawdownOutcome.REFUSED);
        assertThat(result.refusal()).isEqualTo(DrawdownRefusal.LIMIT_INSUFFICIENT);
        assertThat(result.detail()).contains("node");
        assertThat(result.loan().status()).isEqualTo("REFUSED");
        assertThat(result.loan().principalOutstandingMinor()).isZero();
        assertEveryNode(0, 0, 0);
        assertThat(lending.events.events).containsExactly("LOAN_DRAWDOWN_REFUSED " + result.loan().loanId());
    }

    enum AccountRefusal { FUNDING_INSUFFICIENT, FUNDING_ACCOUNT_FROZEN, LOAN_ACCOUNT_FROZEN, UNAVAILABLE }

    @ParameterizedTest
    @EnumSource(AccountRefusal.class)
    void a_refused_funding_try_rolls_credit_back_too_and_names_the_reason(AccountRefusal kind) {
        switch (kind) {
            case FUNDING_INSUFFICIENT -> lending.transaction.fundingRefusal = new ApiException(
                    ErrorCode.INSUFFICIENT_BALANCE, "account 900 has 10 available; 300 do not fit");
            case FUNDING_ACCOUNT_FROZEN -> lending.transaction.fundingRefusal = new ApiException(
                    ErrorCode.ACCOUNT_FROZEN, "account 900 is frozen");
            case LOAN_ACCOUNT_FROZEN -> lending.transaction.fundingRefusal = new ApiException(
                    ErrorCode.ACCOUNT_FROZEN, "account " + alice.loanAccountId() + " is frozen");
            case UNAVAILABLE -> lending.transaction.fundingUnavailable = true;
        }

        DrawdownResult result = lending.drawdowns.drawdown(request("d-1", 300));

        assertThat(result.outcome()).isEqualTo(DrawdownOutcome.REFUSED);
        assertThat(result.refusal().name()).isEqualTo(kind.name());
        assertEveryNode(0, 0, 0);
        assertThat(lending.credit.directory.flow("tcc-cancel:loan:" + result.loan().loanId())).isPresent();
    }

    @Test
    void a_drawdown_on_a_frozen_or_expired_line_is_refused_with_the_line_state() {
        lending.credit.freezeLine("L1");
        assertThat(lending.drawdowns.drawdown(request("d-1", 10)).refusal()).isEqualTo(DrawdownRefusal.LINE_FROZEN);

        InMemoryLending other = new InMemoryLending();
        other.registerPartner("p1");
        CustomerView bob = other.onboard("p1", "bob-ref");
        GrantLineResult bobLine = other.grantLine("L2", bob.customerId(), 1_000, true);
        other.credit.clock.advance(Duration.ofDays(400));
        DrawdownResult expired = other.drawdowns.drawdown(new DrawdownRequest("d-1", "p1", bob.customerId(), "L2",
                product(bobLine), 10, "CNY", "payee"));
        assertThat(expired.refusal()).isEqualTo(DrawdownRefusal.LINE_EXPIRED);
    }

    @Test
    void a_retry_gets_the_same_result_and_one_loan_also_when_refused_and_another_body_is_refused() {
        DrawdownResult first = lending.drawdowns.drawdown(request("d-1", 300));
        DrawdownResult retry = lending.drawdowns.drawdown(request("d-1", 300));
        DrawdownResult refused = lending.drawdowns.drawdown(request("d-2", 5_000));
        DrawdownResult refusedRetry = lending.drawdowns.drawdown(request("d-2", 5_000));

        assertThat(retry).isEqualTo(first);
        assertThat(refusedRetry).isEqualTo(refused);
        assertThat(lending.loans.rows).hasSize(2);
        assertThat(lending.transaction.runs).isEqualTo(2);
        assertThat(catchThrowableOfType(ApiException.class, () -> lending.drawdowns.drawdown(request("d-1", 301)))
                .errorCode()).isEqualTo(ErrorCode.REQUEST_ID_REUSED);
        assertEveryNode(0, 0, 300);
    }

    @Test
    void request_ids_are_scoped_per_partner() {
        CustomerView carol = lending.onboard("p2", "carol-ref");
        GrantLineResult carolLine = lending.grantLine("L3", carol.customerId(), 1_000, true);

        lending.drawdowns.drawdown(request("same-id", 100));
        DrawdownResult p2 = lending.drawdowns.drawdown(new DrawdownRequest("same-id", "p2", carol.customerId(), "L3",
                product(carolLine), 200, "CNY", "payee"));

        assertThat(p2.outcome()).isEqualTo(DrawdownOutcome.ACCEPTED);
        assertThat(p2.loan().amountMinor()).isEqualTo(200);
        assertThat(lending.loans.rows).hasSize(2);
    }

    @Test
    void while_the_outcome_is_unknown_a_retry_is_answered_in_progress() {
        lending.transaction.loseCommitAnswer = true;
        lending.transaction.deferPhaseTwo = true;

        ApiException first = catchThrowableOfType(ApiException.class, () -> lending.drawdowns.drawdown(request("d-1", 300)));
        ApiException retry = catchThrowableOfType(ApiException.class, () -> lending.drawdowns.drawdown(request("d-1", 300)));

        assertThat(first.errorCode()).isEqualTo(ErrorCode.REQUEST_IN_PROGRESS);
        assertThat(retry.errorCode()).isEqualTo(ErrorCode.REQUEST_IN_PROGRESS);
        assertThat(lending.transaction.runs).isEqualTo(1);
    }

    @Test
    void bad_or_foreign_input_is_refused_with_its_code_and_writes_nothing() {
        CustomerView carol = lending.onboard("p2", "carol-ref");
        GrantLineResult carolLine = lending.grantLine("L3", carol.customerId(), 1_000, true);
        int flows = lending.credit.directory.flowCount();

        assertCode(new DrawdownRequest("x", "p1", carol.customerId(), "L3", product(carolLine), 10, "CNY", "payee"),
                ErrorCode.CREDIT_CUSTOMER_UNKNOWN);
        assertCode(new DrawdownRequest("x", "p1", alice.customerId(), "L3", product(carolLine), 10, "CNY", "payee"),
                ErrorCode.CREDIT_LINE_UNKNOWN);
        assertCode(new DrawdownRequest("x", "p1", alice.customerId(), "L1", root(line), 10, "CNY", "payee"),
                ErrorCode.LIMIT_NODE_UNKNOWN);
        assertCode(new DrawdownRequest("x", "p1", alice.customerId(), "L1", product(carolLine), 10, "CNY", "payee"),
                ErrorCode.LIMIT_NODE_UNKNOWN);
        assertCode(request("x", 0), ErrorCode.AMOUNT_INVALID);
        assertCode(new DrawdownRequest("x", "p1", alice.customerId(), "L1", product(line), 10, "USD", "payee"),
                ErrorCode.CREDIT_CURRENCY_MISMATCH);
        assertCode(new DrawdownRequest("x", "p9", alice.customerId(), "L1", product(line), 10, "CNY", "payee"),
                ErrorCode.LENDING_PARTNER_UNKNOWN);
        assertCode(new DrawdownRequest("x", "p1", alice.customerId(), "L1", product(line), 10, "CNY", " "),
                ErrorCode.INVALID_ARGUMENT);

        assertThat(lending.loans.rows).isEmpty();
        assertThat(lending.credit.directory.flowCount()).isEqualTo(flows);
    }

    private void assertCode(DrawdownRequest request, ErrorCode code) {
        assertThat(catchThrowableOfType(ApiException.class, () -> lending.drawdowns.drawdown(request)).errorCode())
                .as(request.toString()).isEqualTo(code);
    }

    @Test
    void the_disbursement_completes_once_both_phase_twos_ran_and_a_second_completion_changes_nothing() {
        lending.transaction.deferPhaseTwo = true;
        DrawdownResult result = lending.drawdowns.drawdown(request("d-1", 300));
        String loanId = result.loan().loanId();
        assertThat(result.outcome()).isEqualTo(DrawdownOutcome.ACCEPTED);
        assertThat(result.loan().status()).as("phase two not run yet").isEqualTo("DISBURSING");
        assertThat(lending.completion.complete(loanId)).isFalse();
        assertEveryNode(300, 0, 0);

        lending.transaction.runPhaseTwo();
        assertEveryNode(0, 300, 0);
        lending.credit.clock.advance(Duration.ofSeconds(5));
        assertThat(lending.completion.sweep(Duration.ofSeconds(1), 10)).isEqualTo(1);
        int flows = lending.credit.directory.flowCount();
        int events = lending.events.events.size();

        assertThat(lending.completion.complete(loanId)).isTrue();
        assertThat(lending.completion.sweep(Duration.ofSeconds(1), 10)).isZero();

        Loan loan = lending.loans.byId(loanId).orElseThrow();
        assertThat(loan.status()).isEqualTo(LoanState.ACTIVE);
        assertThat(loan.principalOutstandingMinor()).isEqualTo(300);
        assertThat(loan.disbursedAt()).isNotNull();
        assertEveryNode(0, 0, 300);
        assertThat(lending.credit.directory.flowCount()).isEqualTo(flows);
        assertThat(lending.events.events).hasSize(events);
    }
}
