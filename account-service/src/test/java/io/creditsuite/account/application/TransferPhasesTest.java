package io.creditsuite.account.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.account.application.fakes.InMemoryLedger;
import io.creditsuite.account.domain.EntryMovement;
import io.creditsuite.account.domain.JournalEntry;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.Transfer;
import io.creditsuite.account.domain.Transfer.Direction;
import io.creditsuite.account.domain.Transfer.Phase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The TCC transfer branches (TransferHandler) against in-memory ports: try, confirm, cancel, their repetitions
 * and the empty rollback. Seata's fence (which refuses a late try after a cancel) is not part of the use case.
 */
class TransferPhasesTest {
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final long alice = ledger.customer(1, 1_000);
    private final long clearing = ledger.customer(8, 5_000);

    @AfterEach
    void close() {
        ledger.close();
    }

    private Transfer out(String id, long amountMinor) {
        return new Transfer(id, Direction.OUT, alice, clearing, amountMinor, "CNY", Phase.TRIED, "xid-" + id);
    }

    private Transfer in(String id, long amountMinor) {
        return new Transfer(id, Direction.IN, alice, clearing, amountMinor, "CNY", Phase.TRIED, "xid-" + id);
    }

    /** Ledger postings: entries that change a balance (try / cancel records are balance-neutral). */
    private List<JournalEntry> postings() {
        return ledger.journal.all().stream().filter(e -> e.balanceAfterMinor() != e.balanceBeforeMinor()).toList();
    }

    private Phase phase(String id, Direction direction) {
        return ledger.transfers.find(id, direction).orElseThrow().phase();
    }

    @Test
    void try_out_freezes_the_amount_reserves_the_contra_leg_and_writes_only_balance_neutral_records() {
        ledger.tryTransfer(out("t-1", 300));

        assertThat(ledger.available(alice)).isEqualTo(700);
        assertThat(ledger.frozen(alice)).isEqualTo(300);
        assertThat(ledger.inTransit(clearing)).isEqualTo(300);
        assertThat(ledger.accounts.get(alice).balanceMinor()).isEqualTo(1_000);
        assertThat(postings()).isEmpty();
        assertThat(ledger.journal.all()).extracting(JournalEntry::movement)
                .containsExactlyInAnyOrder(EntryMovement.FREEZE, EntryMovement.PROMISE_INFLOW);
        assertThat(phase("t-1", Direction.OUT)).isEqualTo(Phase.TRIED);
    }

    @Test
    void confirm_out_settles_the_frozen_amount_against_the_contra_account_once() {
        ledger.tryTransfer(out("t-1", 300));

        ledger.confirm("t-1", Direction.OUT);
        ledger.confirm("t-1", Direction.OUT);

        assertThat(ledger.frozen(alice)).isZero();
        assertThat(ledger.available(alice)).isEqualTo(700);
        assertThat(ledger.available(clearing)).isEqualTo(5_300);
        List<JournalEntry> entries = postings();
        assertThat(entries).hasSize(2);
        assertThat(entries).extracting(JournalEntry::accountId).containsExactly(alice, clearing);
        assertThat(phase("t-1", Direction.OUT)).isEqualTo(Phase.CONFIRMED);
    }

    @Test
    void a_cancel_after_a_confirm_is_refused_and_changes_nothing() {
        ledger.tryTransfer(out("t-1", 300));
        ledger.confirm("t-1", Direction.OUT);

        Throwable refused = catchThrowable(() -> ledger.cancel("t-1", Direction.OUT));

        assertThat(refused).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.available(alice)).isEqualTo(700);
        assertThat(phase("t-1", Direction.OUT)).isEqualTo(Phase.CONFIRMED);
    }

    @Test
    void try_in_promises_the_amount_and_confirm_makes_it_available() {
        ledger.tryTransfer(in("t-2", 300));
        assertThat(ledger.inTransit(alice)).isEqualTo(300);
        assertThat(ledger.available(alice)).isEqualTo(1_000);

        ledger.confirm("t-2", Direction.IN);

        assertThat(ledger.inTransit(alice)).isZero();
        assertThat(ledger.available(alice)).isEqualTo(1_300);
        assertThat(ledger.available(clearing)).isEqualTo(4_700);
        assertThat(ledger.frozen(clearing)).isZero();
        assertThat(postings()).hasSize(2);
    }

    @Test
    void cancel_releases_what_the_try_reserved_once_and_a_later_confirm_is_refused() {
        ledger.tryTransfer(out("t-1", 300));
        ledger.tryTransfer(in("t-2", 200));

        ledger.cancel("t-1", Direction.OUT);
        ledger.cancel("t-1", Direction.OUT);
        ledger.cancel("t-2", Direction.IN);

        assertThat(ledger.available(alice)).isEqualTo(1_000);
        assertThat(ledger.frozen(alice)).isZero();
        assertThat(ledger.inTransit(alice)).isZero();
        assertThat(phase("t-1", Direction.OUT)).isEqualTo(Phase.CANCELLED);
        assertThat(catchThrowable(() -> ledger.confirm("t-1", Direction.OUT))).isInstanceOf(IllegalStateException.class);
        assertThat(postings()).isEmpty();
        // two tries and two cancels, each recorded on both of its branch's accounts
        assertThat(ledger.journal.all()).hasSize(8);
        assertThat(ledger.available(clearing)).isEqualTo(5_000);
        assertThat(ledger.frozen(clearing)).isZero();
        assertThat(ledger.inTransit(clearing)).isZero();
    }

    @Test
    void a_cancel_before_any_try_is_an_empty_rollback_that_changes_nothing() {
        ledger.cancel("t-never", Direction.OUT);
        ledger.confirm("t-never", Direction.OUT);

        assertThat(ledger.transfers.find("t-never", Direction.OUT)).isEmpty();
        assertThat(ledger.available(alice)).isEqualTo(1_000);
        assertThat(ledger.journal.all()).isEmpty();
    }

    @Test
    void a_repeated_try_with_the_same_body_reserves_once_and_another_body_under_the_same_id_is_refused() {
        ledger.tryTransfer(out("t-1", 300));
        ledger.tryTransfer(out("t-1", 300));

        LedgerException reused = catchThrowableOfType(LedgerException.class, () -> ledger.tryTransfer(out("t-1", 301)));

        assertThat(reused.error()).isEqualTo(LedgerError.TRANSFER_REUSED);
        assertThat(ledger.frozen(alice)).isEqualTo(300);
        assertThat(ledger.available(alice)).isEqualTo(700);
    }

    @Test
    void a_try_beyond_the_available_balance_is_refused_and_leaves_no_branch_behind() {
        LedgerException refused = catchThrowableOfType(LedgerException.class, () -> ledger.tryTransfer(out("t-1", 1_001)));

        assertThat(refused.error()).isEqualTo(LedgerError.INSUFFICIENT_BALANCE);
        assertThat(ledger.transfers.find("t-1", Direction.OUT)).isEmpty();
        assertThat(ledger.available(alice)).isEqualTo(1_000);
        assertThat(ledger.frozen(alice)).isZero();
    }

    @Test
    void a_try_naming_an_unknown_contra_account_is_refused_and_leaves_no_branch_behind() {
        Transfer toNowhere = new Transfer("t-1", Direction.OUT, alice, 404, 10, "CNY", Phase.TRIED, "xid");

        LedgerException refused = catchThrowableOfType(LedgerException.class, () -> ledger.tryTransfer(toNowhere));

        assertThat(refused.error()).isEqualTo(LedgerError.ACCOUNT_NOT_FOUND);
        assertThat(ledger.transfers.find("t-1", Direction.OUT)).isEmpty();
        assertThat(ledger.frozen(alice)).isZero();
    }

    @Test
    void a_confirm_tells_its_fact_once_and_a_repeated_confirm_tells_nothing() {
        ledger.tryTransfer(out("t-1", 300));

        ledger.confirm("t-1", Direction.OUT);
        ledger.confirm("t-1", Direction.OUT);

        assertThat(ledger.transferEvents.events).containsExactly("CONFIRMED t-1 OUT 300 " + InMemoryLedger.TODAY);
    }

    @Test
    void a_cancel_tells_its_fact_once_and_an_empty_rollback_tells_nothing() {
        ledger.tryTransfer(in("t-1", 200));

        ledger.cancel("t-1", Direction.IN);
        ledger.cancel("t-1", Direction.IN);
        ledger.cancel("never-tried", Direction.OUT);

        assertThat(ledger.transferEvents.events).containsExactly("CANCELLED t-1 IN 200 " + InMemoryLedger.TODAY);
    }

    @Test
    void a_refused_try_tells_nothing() {
        ledger.tryTransfer(out("t-1", 300));
        catchThrowable(() -> ledger.confirm("t-1", Direction.IN));

        assertThat(ledger.transferEvents.events).isEmpty();
    }
}
