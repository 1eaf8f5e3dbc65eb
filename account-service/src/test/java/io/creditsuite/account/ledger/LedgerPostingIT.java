package io.creditsuite.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.api.account.AccountStatusRequest;
import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.ChainReport;
import io.creditsuite.api.account.EntrySide;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.JournalEntryView;
import io.creditsuite.api.account.LegRequest;
import io.creditsuite.api.account.LoanRepayRequest;
import io.creditsuite.api.account.OpenAccountRequest;
import io.creditsuite.api.account.PostingOutcome;
import io.creditsuite.api.account.PostingRequest;
import io.creditsuite.api.account.PostingResult;
import io.creditsuite.api.account.ReversalRequest;
import io.creditsuite.api.account.StatementPage;
import io.creditsuite.api.account.StatementQuery;
import io.creditsuite.api.account.TemplateRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Postings, templates, idempotency, bad input, reversal, statement and the chain verifier on real MariaDB. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LedgerPostingIT extends LedgerItSupport {

    @org.springframework.beans.factory.annotation.Autowired
    io.creditsuite.account.infrastructure.ops.LedgerChainEndpoint chainEndpoint;
    @org.springframework.beans.factory.annotation.Autowired
    io.creditsuite.api.account.AccountStatusService status;

    @Test
    void a_recharge_raises_both_the_clearing_asset_and_the_customer_balance_and_chains_the_entries() {
        AccountView clearing = openAsset();
        AccountView customer = openCustomer();

        PostingResult result = ledger.recharge(new TemplateRequest("rc-" + voucher(), clearing.accountId(),
                customer.accountId(), 12_345, "CNY"));

        assertThat(result.outcome()).isEqualTo(PostingOutcome.POSTED);
        assertThat(result.replayed()).isFalse();
        assertThat(result.entries()).hasSize(2);
        assertThat(balance(clearing.accountId())).isEqualTo(12_345);
        assertThat(balance(customer.accountId())).isEqualTo(12_345);
        JournalEntryView entry = result.entries().get(1);
        assertThat(entry.accountId()).isEqualTo(customer.accountId());
        assertThat(entry.version()).isEqualTo(1);
        assertThat(entry.balanceBeforeMinor()).isZero();
        assertThat(entry.balanceAfterMinor()).isEqualTo(12_345);
        assertThat(entry.previousHash()).isEqualTo("0".repeat(64));
        assertThat(entry.accountingDate()).isEqualTo(jdbc.queryForObject(
                "SELECT date_in_force FROM accounting_calendar", LocalDate.class).toString());
        assertThat(ledger.verifyChain(customer.accountId()).intact()).isTrue();
    }

    @Test
    void every_template_posts_its_legs_as_the_design_notes_book_them() {
        AccountView clearing = openAsset();
        AccountView payout = openAsset();
        AccountView customer = openCustomer();
        AccountView feeIncome = open(AccountType.INCOME, HotMode.NORMAL);
        AccountView loan = open(AccountType.ASSET, HotMode.NORMAL);
        AccountView interest = open(AccountType.INCOME, HotMode.NORMAL);
        recharge(clearing.accountId(), customer.accountId(), 10_000);

        ledger.withdraw(new TemplateRequest(voucher(), customer.accountId(), payout.accountId(), 1_000, "CNY"));
        ledger.collectServiceFee(new TemplateRequest(voucher(), customer.accountId(), feeIncome.accountId(), 300, "CNY"));
        ledger.payServiceFee(new TemplateRequest(voucher(), feeIncome.accountId(), customer.accountId(), 100, "CNY"));
        ledger.disburseLoan(new TemplateRequest(voucher(), loan.accountId(), payout.accountId(), 50_000, "CNY"));
        PostingResult repay = ledger.repayLoan(new LoanRepayRequest(voucher(), clearing.accountId(), loan.accountId(),
                interest.accountId(), 20_000, 700, "CNY"));

        assertThat(repay.entries()).hasSize(3);
        assertThat(balance(customer.accountId())).isEqualTo(10_000 - 1_000 - 300 + 100);
        assertThat(balance(payout.accountId())).isEqualTo(-1_000 - 50_000);
        assertThat(balance(feeIncome.accountId())).isEqualTo(200);
        assertThat(balance(loan.accountId())).isEqualTo(50_000 - 20_000);
        assertThat(balance(interest.accountId())).isEqualTo(700);
        assertThat(balance(clearing.accountId())).isEqualTo(10_000 + 20_700);
        for (AccountView a : List.of(clearing, payout, customer, feeIncome, loan, interest)) {
            assertThat(ledger.verifyChain(a.accountId()).intact()).isTrue();
        }
    }

    @Test
    void a_retry_returns_the_original_result_and_a_reused_voucher_with_another_body_is_refused() {
        AccountView clearing = openAsset();
        AccountView customer = openCustomer();
        String voucher = voucher();
        PostingResult first = ledger.recharge(new TemplateRequest(voucher, clearing.accountId(), customer.accountId(), 500, "CNY"));
        long rows = ledgerRows();

        PostingResult retry = ledger.recharge(new TemplateRequest(voucher, clearing.accountId(), customer.accountId(), 500, "CNY"));
        ApiException reused = catchThrowableOfType(ApiException.class, () -> ledger.recharge(
                new TemplateRequest(voucher, clearing.accountId(), customer.accountId(), 501, "CNY")));

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.entries()).extracting(JournalEntryView::hash)
                .containsExactlyElementsOf(first.entries().stream().map(JournalEntryView::hash).toList());
        assertThat(reused.errorCode()).isEqualTo(ErrorCode.VOUCHER_REUSED);
        assertThat(ledgerRows()).isEqualTo(rows);
        assertThat(balance(customer.accountId())).isEqualTo(500);
    }

    @Test
    void bad_input_gets_its_own_error_code_and_writes_nothing() {
        AccountView clearing = openAsset();
        AccountView customer = openCustomer();
        AccountView usd = ledger.openAccount(new OpenAccountRequest("usd", AccountType.LIABILITY, "USD", 0, null,
                HotMode.NORMAL, 0, 0));
        long c = clearing.accountId();
        long u = customer.accountId();
        recharge(c, u, 1_000);
        long rows = ledgerRows();

        assertThat(refusal(() -> ledger.recharge(new TemplateRequest(voucher(), c, 999_999_999L, 10, "CNY"))))
                .isEqualTo(ErrorCode.ACCOUNT_NOT_FOUND);
        assertThat(refusal(() -> ledger.recharge(new TemplateRequest(voucher(), c, usd.accountId(), 10, "CNY"))))
                .isEqualTo(ErrorCode.LEDGER_CURRENCY_MISMATCH);
        assertThat(refusal(() -> ledger.recharge(new TemplateRequest(voucher(), c, u, 0, "CNY"))))
                .isEqualTo(ErrorCode.AMOUNT_NOT_POSITIVE);
        assertThat(refusal(() -> ledger.recharge(new TemplateRequest(voucher(), c, u, -5, "CNY"))))
                .isEqualTo(ErrorCode.AMOUNT_NOT_POSITIVE);
        assertThat(refusal(() -> ledger.post(new PostingRequest(voucher(), "CUSTOM", List.of(
                new LegRequest(c, EntrySide.DEBIT, Long.MAX_VALUE, "CNY"),
                new LegRequest(u, EntrySide.DEBIT, Long.MAX_VALUE, "CNY"),
                new LegRequest(usd.accountId(), EntrySide.CREDIT, 1, "CNY"))))))
                .isEqualTo(ErrorCode.AMOUNT_OVERFLOW);
        assertThat(refusal(() -> ledger.recharge(new TemplateRequest(voucher(), c, u, Long.MAX_VALUE, "CNY"))))
                .as("the customer's balance would overflow").isEqualTo(ErrorCode.AMOUNT_OVERFLOW);
        assertThat(refusal(() -> ledger.post(new PostingRequest(voucher(), "CUSTOM", List.of(
                new LegRequest(c, EntrySide.DEBIT, 100, "CNY"), new LegRequest(u, EntrySide.CREDIT, 99, "CNY"))))))
                .isEqualTo(ErrorCode.POSTING_UNBALANCED);
        assertThat(refusal(() -> ledger.post(new PostingRequest(voucher(), "CUSTOM", List.of(
                new LegRequest(c, EntrySide.DEBIT, 100, "CNY"))))))
                .isEqualTo(ErrorCode.POSTING_MALFORMED);
        assertThat(refusal(() -> ledger.recharge(new TemplateRequest("bad voucher!", c, u, 10, "CNY"))))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);

        status.freeze(new AccountStatusRequest("fz-" + voucher(), u, "ops-test", "bad input test"));
        assertThat(refusal(() -> ledger.recharge(new TemplateRequest(voucher(), c, u, 10, "CNY"))))
                .isEqualTo(ErrorCode.ACCOUNT_FROZEN);
        status.unfreeze(new AccountStatusRequest("uf-" + voucher(), u, "ops-test", "bad input test"));
        // only an empty account can be closed: a second customer that never held money
        long empty = openCustomer().accountId();
        status.close(new AccountStatusRequest("cl-" + voucher(), empty, "ops-test", "bad input test"));
        assertThat(refusal(() -> ledger.recharge(new TemplateRequest(voucher(), c, empty, 10, "CNY"))))
                .isEqualTo(ErrorCode.ACCOUNT_CLOSED);

        assertThat(ledgerRows()).isEqualTo(rows);
        assertThat(balance(c)).isEqualTo(1_000);
        assertThat(balance(u)).isEqualTo(1_000);
    }

    @Test
    void an_outflow_beyond_the_balance_or_the_floor_is_refused_as_an_outcome_and_writes_nothing() {
        AccountView clearing = openAsset();
        AccountView customer = openCustomer();
        AccountView payout = ledger.openAccount(new OpenAccountRequest("payout", AccountType.ASSET, "CNY", 0, 400L,
                HotMode.NORMAL, 0, 0));
        recharge(clearing.accountId(), customer.accountId(), 1_000);
        ledger.recharge(new TemplateRequest(voucher(), payout.accountId(), customer.accountId(), 1_000, "CNY"));
        long rows = ledgerRows();

        PostingResult tooMuch = ledger.withdraw(new TemplateRequest(voucher(), customer.accountId(), clearing.accountId(),
                2_001, "CNY"));
        PostingResult belowFloor = ledger.withdraw(new TemplateRequest(voucher(), customer.accountId(), payout.accountId(),
                601, "CNY"));
        PostingResult toTheFloor = ledger.withdraw(new TemplateRequest(voucher(), customer.accountId(), payout.accountId(),
                600, "CNY"));

        assertThat(tooMuch.outcome()).isEqualTo(PostingOutcome.INSUFFICIENT_BALANCE);
        assertThat(belowFloor.outcome()).isEqualTo(PostingOutcome.INSUFFICIENT_BALANCE);
        assertThat(toTheFloor.outcome()).isEqualTo(PostingOutcome.POSTED);
        assertThat(ledgerRows()).isEqualTo(rows + 2);
        assertThat(balance(payout.accountId())).isEqualTo(400);
    }

    @Test
    void a_reversal_offsets_every_leg_once_and_a_second_reversal_is_an_error() {
        AccountView clearing = openAsset();
        AccountView customer = openCustomer();
        String voucher = voucher();
        PostingResult original = ledger.recharge(new TemplateRequest(voucher, clearing.accountId(), customer.accountId(),
                700, "CNY"));

        PostingResult reversal = ledger.reverse(new ReversalRequest(voucher, "keyed twice"));
        long rows = ledgerRows();
        ApiException again = catchThrowableOfType(ApiException.class,
                () -> ledger.reverse(new ReversalRequest(voucher, "again")));

        assertThat(reversal.entries()).hasSize(2).allMatch(JournalEntryView::reversal);
        assertThat(reversal.entries()).extracting(JournalEntryView::reversedEntryId)
                .containsExactlyInAnyOrderElementsOf(original.entries().stream().map(JournalEntryView::entryId).toList());
        assertThat(again.errorCode()).isEqualTo(ErrorCode.ENTRY_ALREADY_REVERSED);
        assertThat(ledgerRows()).isEqualTo(rows);
        assertThat(balance(customer.accountId())).isZero();
        assertThat(balance(clearing.accountId())).isZero();
        assertThat(ledger.entriesByVoucher(voucher).entries()).hasSize(4);
        assertThat(ledger.verifyChain(customer.accountId()).intact()).isTrue();
        assertThat(catchThrowableOfType(ApiException.class,
                () -> ledger.reverse(new ReversalRequest(voucher(), "unknown"))).errorCode())
                .isEqualTo(ErrorCode.VOUCHER_NOT_FOUND);
    }

    @Test
    void the_statement_pages_through_the_journal_in_version_order() {
        AccountView clearing = openAsset();
        AccountView customer = openCustomer();
        for (int i = 1; i <= 5; i++) {
            recharge(clearing.accountId(), customer.accountId(), i);
        }

        StatementPage first = ledger.statement(new StatementQuery(customer.accountId(), 0, 2));
        StatementPage second = ledger.statement(new StatementQuery(customer.accountId(), first.nextAfterVersion(), 2));
        StatementPage last = ledger.statement(new StatementQuery(customer.accountId(), second.nextAfterVersion(), 2));

        assertThat(first.entries()).extracting(JournalEntryView::version).containsExactly(1L, 2L);
        assertThat(second.entries()).extracting(JournalEntryView::version).containsExactly(3L, 4L);
        assertThat(last.entries()).extracting(JournalEntryView::balanceAfterMinor).containsExactly(15L);
        assertThat(last.nextAfterVersion()).isNull();
        assertThat(refusal(() -> ledger.statement(new StatementQuery(customer.accountId(), 0, 0))))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void the_chain_verifier_names_the_row_altered_with_sql() {
        AccountView clearing = openAsset();
        AccountView customer = openCustomer();
        for (int i = 0; i < 4; i++) {
            recharge(clearing.accountId(), customer.accountId(), 100);
        }
        long third = jdbc.queryForObject("SELECT id FROM journal_entry WHERE account_id = ? AND version = 3",
                Long.class, customer.accountId());

        jdbc.update("UPDATE journal_entry SET amount_minor = 1000, balance_after_minor = balance_before_minor + 1000"
                + " WHERE id = ?", third);
        ChainReport report = ledger.verifyChain(customer.accountId());

        assertThat(report.intact()).isFalse();
        assertThat(report.brokenEntryId()).isEqualTo(third);
        assertThat(report.brokenVersion()).isEqualTo(3);
        assertThat(report.reason()).contains("hash");
        // the same verdict from the operator's command
        assertThat(chainEndpoint.verify(customer.accountId())).containsEntry("intact", false)
                .containsEntry("brokenEntryId", third);
    }

    private static ErrorCode refusal(Runnable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call::run);
        assertThat(e).as("expected an ApiException").isNotNull();
        return e.errorCode();
    }
}
