package io.creditsuite.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TransferReservationPolicy} and {@link DerivedVoucher}: phase two settles only what the try reserved. */
class TransferReservationRulesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);


    @Test
    void a_transfer_out_try_reserves_the_outflow_on_the_account_and_the_inflow_on_the_clearing_account() {
        Account payer = liability(1, 500, 0);
        Account clearing = liability(2, 0, 0);
        Transfer out = transfer(Transfer.Direction.OUT, 1, 2, 200);

        out.reserve(payer, clearing, DAY);

        assertThat(payer.availableMinor()).isEqualTo(300);
        assertThat(payer.frozenMinor()).isEqualTo(200);
        assertThat(clearing.inTransitMinor()).isEqualTo(200);
        assertThat(clearing.balanceMinor()).isZero();
    }

    @Test
    void a_transfer_in_try_freezes_what_the_clearing_account_will_pay_and_refuses_when_it_cannot() {
        Account payee = liability(1, 0, 0);
        Account clearing = liability(2, 100, 0);

        LedgerException e = catchThrowableOfType(LedgerException.class,
                () -> transfer(Transfer.Direction.IN, 1, 2, 101).reserve(payee, clearing, DAY));
        assertThat(e.error()).isEqualTo(LedgerError.INSUFFICIENT_BALANCE);
        assertThat(payee.inTransitMinor()).isZero();
        assertThat(clearing.frozenMinor()).isZero();

        transfer(Transfer.Direction.IN, 1, 2, 100).reserve(payee, clearing, DAY);
        assertThat(clearing.frozenMinor()).isEqualTo(100);
        assertThat(payee.inTransitMinor()).isEqualTo(100);
    }

    @Test
    void confirm_settles_the_reservations_even_when_both_accounts_were_frozen_since_the_try() {
        Account payee = liability(1, 0, 0);
        Account clearing = liability(2, 100, 0);
        Transfer in = transfer(Transfer.Direction.IN, 1, 2, 100);
        in.reserve(payee, clearing, DAY);
        Account frozenPayee = copyIn(payee, AccountState.FROZEN);
        Account frozenClearing = copyIn(clearing, AccountState.FROZEN);

        List<JournalEntry> entries = in.settle(frozenPayee, frozenClearing, DAY, "t");

        assertThat(entries).hasSize(2);
        assertThat(entries).allMatch(e -> e.voucherNo().equals("#TCC-" + in.transferId() + "-IN"));
        assertThat(frozenPayee.balanceMinor()).isEqualTo(100);
        assertThat(frozenPayee.inTransitMinor()).isZero();
        assertThat(frozenClearing.balanceMinor()).isZero();
        assertThat(frozenClearing.frozenMinor()).isZero();
    }

    @Test
    void a_contra_in_another_currency_or_split_or_frozen_is_refused_at_try() {
        Account payer = liability(1, 500, 0);
        Account dollars = Accounts.liability(2).currency("USD").build();
        Account split = Accounts.liability(3).routing(new HotRouting(PostingMode.SUBTRACT_FREQUENT, null, 2, 0)).build();
        Account frozen = copyIn(liability(4, 0, 0), AccountState.FROZEN);

        assertThat(refused(payer, dollars)).isEqualTo(LedgerError.CURRENCY_MISMATCH);
        assertThat(refused(payer, split)).isEqualTo(LedgerError.INVALID_ARGUMENT);
        assertThat(refused(payer, frozen)).isEqualTo(LedgerError.ACCOUNT_FROZEN);
        assertThat(payer.frozenMinor()).isZero();
        assertThat(payer.availableMinor()).isEqualTo(500);
    }

    @Test
    void cancel_releases_both_reservations() {
        Account payer = liability(1, 500, 0);
        Account clearing = liability(2, 0, 0);
        Transfer out = transfer(Transfer.Direction.OUT, 1, 2, 200);
        out.reserve(payer, clearing, DAY);

        out.release(payer, clearing, DAY);

        assertThat(payer.availableMinor()).isEqualTo(500);
        assertThat(payer.frozenMinor()).isZero();
        assertThat(clearing.inTransitMinor()).isZero();
    }

    @Test
    void a_reserved_account_cannot_be_closed() {
        Account payer = liability(1, 0, 0);
        Account clearing = liability(2, 0, 0);
        Account payee = liability(3, 0, 0);
        Account funded = liability(4, 50, 0);
        transfer(Transfer.Direction.IN, 3, 4, 50).reserve(payee, funded, DAY);

        for (Account reserved : List.of(payee, funded)) {
            LedgerException e = catchThrowableOfType(LedgerException.class,
                    () -> AccountStatusPolicy.requireEmpty(List.of(reserved), List.of(0L)));
            assertThat(e.error()).isEqualTo(LedgerError.ACCOUNT_NOT_EMPTY);
        }
        AccountStatusPolicy.requireEmpty(List.of(payer, clearing), List.of(0L, 0L));
    }

    @Test
    void derived_vouchers_are_outside_the_callers_namespace() {
        String derived = DerivedVoucher.ofTransfer("x".repeat(48), Transfer.Direction.OUT);
        assertThat(derived).startsWith("#").hasSizeLessThanOrEqualTo(64);
        DerivedVoucher.requireLedgerVoucher(derived);
        LedgerException e = catchThrowableOfType(LedgerException.class, () -> Posting.requireVoucher(derived));
        assertThat(e.error()).isEqualTo(LedgerError.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("reserved");
        Posting.requireVoucher("TCC-" + "x".repeat(48) + "-OUT");
    }

    private static LedgerError refused(Account payer, Account contra) {
        LedgerException e = catchThrowableOfType(LedgerException.class,
                () -> transfer(Transfer.Direction.OUT, payer.id(), contra.id(), 10).reserve(payer, contra, DAY));
        assertThat(e).isNotNull();
        return e.error();
    }

    static Transfer transfer(Transfer.Direction d, long account, long contra, long amount) {
        return new Transfer("t-1", d, account, contra, amount, "CNY", Transfer.Phase.TRIED, "xid");
    }

    static Account liability(long id, long available, long overdraft) {
        return Accounts.liability(id).overdraft(overdraft).available(available).build();
    }

    private static Account copyIn(Account a, AccountState state) {
        return Accounts.copyOf(a).state(state).build();
    }
}
