package io.creditsuite.credit.application;

import static io.creditsuite.credit.application.fakes.InMemoryCredit.START;
import static io.creditsuite.credit.application.fakes.InMemoryCredit.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.HoldStateView;
import io.creditsuite.api.credit.UseRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.CustomerView;
import io.creditsuite.api.lending.DrawdownRequest;
import io.creditsuite.api.lending.RepaymentRequest;
import io.creditsuite.api.lending.RepaymentView;
import io.creditsuite.credit.application.fakes.InMemoryCredit;
import io.creditsuite.credit.application.fakes.InMemoryLending;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The source-of-truth reads answer the committed state now, by id alone, whichever partner's. */
class CreditStateQueriesTest {
    private final InMemoryLending lending = new InMemoryLending();
    private final InMemoryCredit credit = lending.credit;
    private final CreditStateQueries queries = new CreditStateQueries(credit.directory, lending.loans,
            lending.repayments);

    @Test
    void a_hold_reads_as_it_stands_now_frozen_then_used() {
        long leaf = product(credit.grantLine("L1", "alice", 1_000));
        long expiresAt = START.plus(Duration.ofHours(1)).toEpochMilli();
        credit.freeze.handle(new FreezeRequest("h-1", "L1", leaf, 0, 300, "CNY", expiresAt));
        assertThat(queries.hold("h-1")).isEqualTo(new HoldStateView("h-1", "L1", "CNY", 300, 0, 0, expiresAt, null));

        credit.holds.use(new UseRequest("u-1", "h-1", 300, "CNY"));
        HoldStateView used = queries.hold("h-1");
        assertThat(used.frozenMinor()).isZero();
        assertThat(used.inTransitMinor()).isEqualTo(300);
    }

    @Test
    void a_loan_and_its_applied_repayments_read_without_the_partner_only_applied_ones_count() {
        lending.registerPartner("p1");
        CustomerView alice = lending.onboard("p1", "alice-ref");
        GrantLineResult line = lending.grantLine("L2", alice.customerId(), 1_000, true);
        String loanId = lending.drawdowns.drawdown(new DrawdownRequest("d-1", "p1", alice.customerId(), "L2",
                product(line), 600, "CNY", "payee")).loan().loanId();
        assertThat(queries.loan(loanId).status()).isEqualTo("ACTIVE");
        assertThat(queries.repayments(loanId)).isEmpty();

        lending.repaymentsHandler.repay(new RepaymentRequest("r-1", "p1", loanId, 200, 0, "CNY", "6222-9999"));
        lending.ledger.repayUnavailable = 1; // the second one stays PENDING: it moved nothing yet
        catchThrowableOfType(ApiException.class, () -> lending.repaymentsHandler.repay(new RepaymentRequest("r-2", "p1",
                loanId, 100, 0, "CNY", "6222-9999")));

        assertThat(queries.repayments(loanId)).extracting(RepaymentView::voucherNo)
                .containsExactly("LOAN-" + loanId + "-R-1");
        assertThat(queries.loan(loanId).principalOutstandingMinor()).isEqualTo(400);
    }

    @Test
    void an_unknown_id_is_its_404_code_and_a_malformed_id_is_refused() {
        assertThat(catchThrowableOfType(ApiException.class, () -> queries.hold("nope")).errorCode())
                .isEqualTo(ErrorCode.HOLD_UNKNOWN);
        assertThat(catchThrowableOfType(ApiException.class, () -> queries.loan("LN-nope")).errorCode())
                .isEqualTo(ErrorCode.LOAN_UNKNOWN);
        assertThat(catchThrowableOfType(ApiException.class, () -> queries.repayments("LN-nope")).errorCode())
                .isEqualTo(ErrorCode.LOAN_UNKNOWN);
        assertThat(catchThrowableOfType(ApiException.class, () -> queries.hold(" ")).errorCode())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(catchThrowableOfType(ApiException.class, () -> queries.loan("a\nb")).errorCode())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
}
