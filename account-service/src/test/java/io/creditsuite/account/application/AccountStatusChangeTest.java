package io.creditsuite.account.application;

import static io.creditsuite.account.application.fakes.InMemoryLedger.deposit;
import static io.creditsuite.account.application.fakes.InMemoryLedger.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.account.application.fakes.InMemoryLedger;
import io.creditsuite.account.domain.AccountState;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.StatusAction;
import io.creditsuite.account.domain.StatusChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An account's status (ChangeAccountStatusHandler) and what it does to postings, against in-memory ports. */
class AccountStatusChangeTest {
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final long alice = ledger.customer(1, 1_000);
    private final long cash = ledger.cash(9, 1_000_000);

    @AfterEach
    void close() {
        ledger.close();
    }

    private ChangeAccountStatusHandler.Result change(String requestId, StatusAction action) {
        return ledger.changeStatus(new StatusChange(requestId, alice, action, "ops-1", "court order 42"));
    }

    @Test
    void a_frozen_account_takes_no_posting_until_it_is_unfrozen() {
        change("s-1", StatusAction.FREEZE);

        LedgerException frozen = catchThrowableOfType(LedgerException.class,
                () -> ledger.post(withdrawal("v-1", alice, cash, 100)));
        assertThat(frozen.error()).isEqualTo(LedgerError.ACCOUNT_FROZEN);
        assertThat(ledger.available(alice)).isEqualTo(1_000);

        change("s-2", StatusAction.UNFREEZE);

        assertThat(ledger.post(withdrawal("v-1", alice, cash, 100)).outcome()).isEqualTo(PostingReceipt.Outcome.POSTED);
        assertThat(ledger.available(alice)).isEqualTo(900);
        assertThat(ledger.statusLog.history(alice)).extracting(r -> r.after())
                .containsExactly(AccountState.FROZEN, AccountState.ACTIVE);
    }

    @Test
    void a_status_change_retried_with_its_request_id_applies_once() {
        ChangeAccountStatusHandler.Result first = change("s-1", StatusAction.FREEZE);

        ChangeAccountStatusHandler.Result retry = change("s-1", StatusAction.FREEZE);

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.change()).isEqualTo(first.change());
        assertThat(ledger.statusLog.history(alice)).hasSize(1);
    }

    @Test
    void an_account_holding_money_cannot_close_and_nothing_is_recorded() {
        LedgerException notEmpty = catchThrowableOfType(LedgerException.class, () -> change("s-1", StatusAction.CLOSE));

        assertThat(notEmpty.error()).isEqualTo(LedgerError.ACCOUNT_NOT_EMPTY);
        assertThat(ledger.accounts.get(alice).state()).isEqualTo(AccountState.ACTIVE);
        assertThat(ledger.statusLog.history(alice)).isEmpty();
    }

    @Test
    void an_emptied_account_closes_and_then_takes_no_deposit() {
        ledger.post(withdrawal("v-1", alice, cash, 1_000));

        change("s-1", StatusAction.CLOSE);

        LedgerException closed = catchThrowableOfType(LedgerException.class,
                () -> ledger.post(deposit("v-2", alice, cash, 1)));
        assertThat(closed.error()).isEqualTo(LedgerError.ACCOUNT_CLOSED);
        assertThat(ledger.accounts.get(alice).state()).isEqualTo(AccountState.CLOSED);
    }
}
