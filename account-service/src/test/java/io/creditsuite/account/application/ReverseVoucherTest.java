package io.creditsuite.account.application;

import static io.creditsuite.account.application.fakes.InMemoryLedger.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.account.application.fakes.InMemoryLedger;
import io.creditsuite.account.domain.JournalEntry;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reversal (蓝抵, ReverseHandler) against in-memory ports: new entries on the opposite sides, never edits. */
class ReverseVoucherTest {
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final long alice = ledger.customer(1, 1_000);
    private final long cash = ledger.cash(9, 1_000_000);

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void a_reversal_offsets_every_leg_with_a_new_entry_linked_to_the_one_it_offsets() {
        List<JournalEntry> original = ledger.post(withdrawal("v-1", alice, cash, 300)).entries();

        PostingReceipt receipt = ledger.reverse("v-1");

        assertThat(receipt.outcome()).isEqualTo(PostingReceipt.Outcome.POSTED);
        assertThat(ledger.available(alice)).isEqualTo(1_000);
        assertThat(ledger.available(cash)).isEqualTo(1_000_000);
        List<JournalEntry> reversal = receipt.entries();
        assertThat(reversal).hasSize(2).allSatisfy(e -> assertThat(e.reversal()).isTrue());
        assertThat(reversal).extracting(JournalEntry::reversedEntryId)
                .containsExactlyInAnyOrderElementsOf(original.stream().map(JournalEntry::id).toList());
        for (JournalEntry e : reversal) {
            JournalEntry offset = original.stream().filter(o -> o.id().equals(e.reversedEntryId())).findFirst().orElseThrow();
            assertThat(e.side()).isEqualTo(offset.side().opposite());
            assertThat(e.amountMinor()).isEqualTo(offset.amountMinor());
            assertThat(e.accountId()).isEqualTo(offset.accountId());
        }
        assertThat(ledger.journal.all()).hasSize(4).containsAll(original);
    }

    @Test
    void a_retried_reversal_gets_the_original_result_and_another_reversal_is_refused() {
        ledger.post(withdrawal("v-1", alice, cash, 300));
        PostingReceipt first = ledger.reverse("v-1");

        PostingReceipt retry = ledger.reverse("v-1");
        LedgerException other = catchThrowableOfType(LedgerException.class, () -> ledger.reverse("v-1", "another reason"));

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.entries()).extracting(JournalEntry::id)
                .containsExactlyElementsOf(first.entries().stream().map(JournalEntry::id).toList());
        assertThat(other.error()).isEqualTo(LedgerError.ENTRY_ALREADY_REVERSED);
        assertThat(ledger.journal.all()).hasSize(4);
        assertThat(ledger.available(alice)).isEqualTo(1_000);
    }

    @Test
    void a_reversal_that_would_overdraw_an_account_is_insufficient_and_writes_nothing() {
        ledger.post(InMemoryLedger.deposit("v-1", alice, cash, 500));
        ledger.post(withdrawal("v-2", alice, cash, 1_200));

        PostingReceipt receipt = ledger.reverse("v-1");

        assertThat(receipt.outcome()).isEqualTo(PostingReceipt.Outcome.INSUFFICIENT_BALANCE);
        assertThat(ledger.available(alice)).isEqualTo(300);
        assertThat(ledger.journal.all()).hasSize(4);
    }

    @Test
    void reversing_a_voucher_never_posted_is_refused() {
        LedgerException unknown = catchThrowableOfType(LedgerException.class, () -> ledger.reverse("v-404"));

        assertThat(unknown.error()).isEqualTo(LedgerError.VOUCHER_NOT_FOUND);
        assertThat(ledger.journal.all()).isEmpty();
    }
}
