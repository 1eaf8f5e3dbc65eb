package io.creditsuite.account.application;

import static io.creditsuite.account.application.fakes.InMemoryLedger.deposit;
import static io.creditsuite.account.application.fakes.InMemoryLedger.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.account.application.fakes.InMemoryLedger;
import io.creditsuite.account.domain.ChainHash;
import io.creditsuite.account.domain.JournalEntry;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.Leg;
import io.creditsuite.account.domain.LoanRepayment;
import io.creditsuite.account.domain.Posting;
import io.creditsuite.account.domain.PostingTemplate;
import io.creditsuite.account.domain.Side;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Posting a voucher (PostHandler over BatchRunner and LedgerWriter), against in-memory ports. */
class PostVoucherTest {
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final long alice = ledger.customer(1, 1_000);
    private final long cash = ledger.cash(9, 1_000_000);

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void a_balanced_posting_moves_both_balances_and_writes_one_chained_entry_per_leg() {
        PostingReceipt receipt = ledger.post(withdrawal("v-1", alice, cash, 300));

        assertThat(receipt.outcome()).isEqualTo(PostingReceipt.Outcome.POSTED);
        assertThat(receipt.replayed()).isFalse();
        assertThat(ledger.available(alice)).isEqualTo(700);
        assertThat(ledger.available(cash)).isEqualTo(999_700);
        List<JournalEntry> entries = ledger.journal.byVoucher("v-1");
        assertThat(entries).hasSize(2).allSatisfy(e -> {
            assertThat(e.id()).isNotNull();
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.previousHash()).isEqualTo(ChainHash.GENESIS);
            assertThat(ChainHash.of(e)).isEqualTo(e.hash());
        });
        assertThat(receipt.entries()).isEqualTo(entries);
        assertThat(entries.get(0).balanceBeforeMinor()).isEqualTo(1_000);
        assertThat(entries.get(0).balanceAfterMinor()).isEqualTo(700);
    }

    @Test
    void a_loan_repayment_tells_its_fact_once_and_its_retry_and_other_postings_tell_nothing() {
        long loan = ledger.cash(20, 5_000);           // the loan receivable: an asset, a CREDIT lowers it
        long interestIncome = ledger.customer(30, 0); // income: a CREDIT raises it
        Posting repayment = PostingTemplate.loanRepayment("rp-1", cash, loan, interestIncome, 1_000, 35, "CNY");

        ledger.post(repayment);
        ledger.post(repayment);
        ledger.post(withdrawal("v-1", alice, cash, 300));

        assertThat(ledger.repayments).containsExactly(
                new LoanRepayment("rp-1", cash, loan, interestIncome, 1_000, 35, "CNY"));
        assertThat(ledger.available(loan)).isEqualTo(4_000);
    }

    @Test
    void a_retry_with_the_same_body_is_answered_as_posted_from_the_journal_and_writes_nothing_new() {
        // the path: the optimistic write hits the journal's unique key (DuplicateRecordException, rolled back),
        // BatchRunner runs the posting again with the voucher look-up, which finds the same digest
        PostingReceipt first = ledger.post(withdrawal("v-1", alice, cash, 300));

        PostingReceipt retry = ledger.post(withdrawal("v-1", alice, cash, 300));

        assertThat(retry.outcome()).isEqualTo(PostingReceipt.Outcome.POSTED);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.entries()).isEqualTo(first.entries());
        assertThat(ledger.journal.all()).hasSize(2);
        assertThat(ledger.available(alice)).isEqualTo(700);
    }

    @Test
    void a_voucher_reused_with_another_body_is_refused_and_writes_nothing() {
        ledger.post(withdrawal("v-1", alice, cash, 300));

        LedgerException reused = catchThrowableOfType(LedgerException.class,
                () -> ledger.post(withdrawal("v-1", alice, cash, 301)));

        assertThat(reused.error()).isEqualTo(LedgerError.VOUCHER_REUSED);
        assertThat(ledger.journal.all()).hasSize(2);
        assertThat(ledger.available(alice)).isEqualTo(700);
    }

    @Test
    void an_outflow_beyond_the_available_balance_is_insufficient_and_writes_nothing() {
        PostingReceipt receipt = ledger.post(withdrawal("v-1", alice, cash, 1_001));

        assertThat(receipt.outcome()).isEqualTo(PostingReceipt.Outcome.INSUFFICIENT_BALANCE);
        assertThat(ledger.journal.all()).isEmpty();
        assertThat(ledger.available(alice)).isEqualTo(1_000);
        assertThat(ledger.available(cash)).isEqualTo(1_000_000);
    }

    @Test
    void the_whole_balance_may_go_out_and_then_not_one_minor_unit_more() {
        assertThat(ledger.post(withdrawal("v-1", alice, cash, 1_000)).outcome()).isEqualTo(PostingReceipt.Outcome.POSTED);

        assertThat(ledger.post(withdrawal("v-2", alice, cash, 1)).outcome())
                .isEqualTo(PostingReceipt.Outcome.INSUFFICIENT_BALANCE);
        assertThat(ledger.available(alice)).isZero();
    }

    @Test
    void a_deposit_that_would_overflow_the_balance_is_refused_and_writes_nothing() {
        long rich = ledger.customer(2, Long.MAX_VALUE - 10);

        LedgerException overflow = catchThrowableOfType(LedgerException.class,
                () -> ledger.post(deposit("v-1", rich, cash, 11)));

        assertThat(overflow.error()).isEqualTo(LedgerError.AMOUNT_OVERFLOW);
        assertThat(ledger.available(rich)).isEqualTo(Long.MAX_VALUE - 10);
        assertThat(ledger.journal.all()).isEmpty();
    }

    @Test
    void a_posting_naming_an_unknown_account_is_refused_and_writes_nothing() {
        Posting toNowhere = new Posting("v-1", "TRANSFER", List.of(new Leg(alice, Side.DEBIT, 5, "CNY"),
                new Leg(404, Side.CREDIT, 5, "CNY")));

        LedgerException unknown = catchThrowableOfType(LedgerException.class, () -> ledger.post(toNowhere));

        assertThat(unknown.error()).isEqualTo(LedgerError.ACCOUNT_NOT_FOUND);
        assertThat(ledger.available(alice)).isEqualTo(1_000);
        assertThat(ledger.journal.all()).isEmpty();
    }
}
