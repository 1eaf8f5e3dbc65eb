package io.creditsuite.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.api.account.JournalEntryView;
import io.creditsuite.api.account.PostingOutcome;
import io.creditsuite.api.account.PostingResult;
import io.creditsuite.api.account.ReversalRequest;
import io.creditsuite.api.account.TemplateRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Issue 10, defect 6: a retried reversal gets its original result; only another reversal of the voucher is refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ReversalRetryIT extends LedgerItSupport {

    @Test
    void a_retried_reversal_returns_the_original_entries_and_writes_nothing() {
        long clearing = openAsset().accountId();
        long customer = openCustomer().accountId();
        String v = voucher();
        ledger.recharge(new TemplateRequest(v, clearing, customer, 400, "CNY"));

        PostingResult first = ledger.reverse(new ReversalRequest(v, "booked twice"));
        long rows = ledgerRows();
        PostingResult retry = ledger.reverse(new ReversalRequest(v, "booked twice"));

        assertThat(first.outcome()).isEqualTo(PostingOutcome.POSTED);
        assertThat(first.replayed()).isFalse();
        assertThat(retry.outcome()).isEqualTo(PostingOutcome.POSTED);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.entries()).extracting(JournalEntryView::entryId)
                .containsExactlyElementsOf(first.entries().stream().map(JournalEntryView::entryId).toList());
        assertThat(retry.entries()).allMatch(JournalEntryView::reversal);
        assertThat(ledgerRows()).isEqualTo(rows);
        assertThat(balance(customer)).isZero();
    }

    @Test
    void another_reversal_of_a_reversed_voucher_is_refused_and_writes_nothing() {
        long clearing = openAsset().accountId();
        long customer = openCustomer().accountId();
        String v = voucher();
        ledger.recharge(new TemplateRequest(v, clearing, customer, 400, "CNY"));
        ledger.reverse(new ReversalRequest(v, "booked twice"));
        long rows = ledgerRows();

        ApiException e = catchThrowableOfType(ApiException.class, () -> ledger.reverse(new ReversalRequest(v, "another reason")));

        assertThat(e).isNotNull();
        assertThat(e.errorCode()).isEqualTo(ErrorCode.ENTRY_ALREADY_REVERSED);
        assertThat(ledgerRows()).isEqualTo(rows);
        assertThat(balance(customer)).isZero();
    }
}
