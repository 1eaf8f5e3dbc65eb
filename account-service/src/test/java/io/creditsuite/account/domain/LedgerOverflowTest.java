package io.creditsuite.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Amounts near {@code Long.MAX_VALUE} for every ledger command (issue 10, defect 4 for account-service): an overflow
 * is AMOUNT_OVERFLOW and changes nothing, never a wrap nor a raw ArithmeticException.
 */
class LedgerOverflowTest {
    private static final EntryOrigin HOLD = new EntryOrigin("#TCC-t1-OUT-TRY", 1, false, null, "TRANSFER_OUT_TRY",
            LocalDate.of(2026, 12, 2), "t", "d");
    private static final long MAX = Long.MAX_VALUE;
    private static final EntryContext TODAY = new EntryContext(LocalDate.of(2026, 12, 2), "t");
    private final PostingEngine engine = new PostingEngine();

    @Test
    void a_posting_that_would_lift_a_balance_past_long_max_is_refused_and_changes_nothing() {
        Account bank = account(1, AccountKind.ASSET, 0, MAX);
        Account customer = account(2, AccountKind.LIABILITY, MAX - 5, 0);
        Posting recharge = new Posting("v1", "RECHARGE", List.of(new Leg(1, Side.DEBIT, 10, "CNY"),
                new Leg(2, Side.CREDIT, 10, "CNY")));

        assertOverflow(() -> engine.apply(recharge, "d", map(bank, customer), TODAY));

        assertThat(customer.availableMinor()).isEqualTo(MAX - 5);
        assertThat(customer.version()).isZero();
        assertThat(bank.availableMinor()).isZero();
        assertThat(bank.version()).isZero();
    }

    @Test
    void a_reversal_that_would_lift_a_balance_past_long_max_is_refused_and_changes_nothing() {
        Account customer = account(2, AccountKind.LIABILITY, MAX - 5, 0);
        Account bank = account(1, AccountKind.ASSET, 0, MAX);
        // the original took 10 out of the customer: its reversal puts 10 back
        Posting reversal = new Posting("v1", "REVERSAL", List.of(new Leg(1, Side.DEBIT, 10, "CNY"),
                new Leg(2, Side.CREDIT, 10, "CNY")));

        assertOverflow(() -> engine.applyReversal(reversal, "d", map(bank, customer), TODAY, List.of(7L, 8L)));

        assertThat(customer.availableMinor()).isEqualTo(MAX - 5);
        assertThat(customer.version()).isZero();
    }

    @Test
    void a_tcc_try_keeps_room_for_its_confirm_and_the_confirm_then_reaches_long_max_exactly() {
        Account payee = account(1, AccountKind.LIABILITY, MAX - 10, 0);
        Account clearing = account(2, AccountKind.LIABILITY, MAX, 0);

        assertOverflow(() -> transfer(Transfer.Direction.IN, 11).reserve(payee, clearing, LocalDate.of(2026, 12, 2)));
        assertThat(payee.inTransitMinor()).isZero();
        assertThat(clearing.frozenMinor()).isZero();

        Transfer in = transfer(Transfer.Direction.IN, 10);
        in.reserve(payee, clearing, LocalDate.of(2026, 12, 2));
        // an ordinary inflow may not take the room the confirm needs
        Account bank = account(3, AccountKind.ASSET, 0, MAX);
        assertOverflow(() -> engine.apply(new Posting("v2", "RECHARGE", List.of(new Leg(3, Side.DEBIT, 1, "CNY"),
                new Leg(1, Side.CREDIT, 1, "CNY"))), "d", map(bank, payee), TODAY));

        in.settle(payee, clearing, TODAY.accountingDate(), "t");
        assertThat(payee.balanceMinor()).isEqualTo(MAX);
        assertThat(payee.inTransitMinor()).isZero();
        assertThat(clearing.balanceMinor()).isEqualTo(MAX - 10);
    }

    @Test
    void a_freeze_that_would_push_frozen_past_long_max_is_refused_and_leaves_available_unchanged() {
        // balance = available + frozen = -1 + MAX; an overdraft of MAX lets available sink, frozen would overflow
        Account a = Accounts.liability(1).overdraft(MAX).available(-1).frozen(MAX).build();

        assertOverflow(() -> a.freeze(1, HOLD));

        assertThat(a.availableMinor()).isEqualTo(-1);
        assertThat(a.frozenMinor()).isEqualTo(MAX);
        a.unfreeze(MAX, HOLD);
        assertThat(a.availableMinor()).isEqualTo(MAX - 1);
        assertThat(a.frozenMinor()).isZero();
    }

    @Test
    void the_legs_of_a_posting_that_overflow_are_refused() {
        assertOverflow(() -> new Posting("v1", "CUSTOM", List.of(new Leg(1, Side.DEBIT, MAX, "CNY"),
                new Leg(2, Side.DEBIT, 1, "CNY"), new Leg(3, Side.CREDIT, 1, "CNY"))));
    }

    @Test
    void cutover_sums_that_overflow_are_refused_with_their_code() {
        LocalDate d = TODAY.accountingDate();
        assertOverflow(() -> EndOfDayBalance.close(1, d, "CNY", MAX, 1, 1));
        EndOfDayBalance sub = EndOfDayBalance.close(2, d, "CNY", MAX - 1, 1, 1);
        assertThat(sub.balanceMinor()).isEqualTo(MAX);
        assertOverflow(() -> EndOfDayBalance.ofSplitAccount(1, d, "CNY", List.of(sub, EndOfDayBalance.close(3, d, "CNY", 0, 1, 1))));
        assertThat(EndOfDayBalance.ofSplitAccount(1, d, "CNY", List.of(sub, EndOfDayBalance.close(3, d, "CNY", 0, -5, 1)))
                .balanceMinor()).isEqualTo(MAX - 5);

        NearRealTimeBalance big = new NearRealTimeBalance(d, MAX, 0, 0);
        assertOverflow(() -> big.plus(new NearRealTimeBalance(d, 1, 0, 0)));
        assertOverflow(() -> new NearRealTimeBalance(d, MAX, 1, 0).balanceMinor());
    }

    @Test
    void a_collection_with_a_threshold_near_long_max_does_not_overflow() {
        long amount = SubAccountPolicy.collectAmount(0, MAX, MAX - 1);
        assertThat(amount).isEqualTo(1);
        assertThat(SubAccountPolicy.collectAmount(MAX - 2, MAX, MAX - 1)).isEqualTo(1);
    }

    private static void assertOverflow(Runnable call) {
        LedgerException e = catchThrowableOfType(LedgerException.class, call::run);
        assertThat(e).as("expected AMOUNT_OVERFLOW").isNotNull();
        assertThat(e.error()).isEqualTo(LedgerError.AMOUNT_OVERFLOW);
    }

    private static Transfer transfer(Transfer.Direction d, long amount) {
        return new Transfer("t-1", d, 1, 2, amount, "CNY", Transfer.Phase.TRIED, "xid");
    }

    private static Account account(long id, AccountKind kind, long available, long overdraft) {
        Accounts account = kind == AccountKind.ASSET ? Accounts.asset(id) : Accounts.liability(id);
        return account.overdraft(overdraft).available(available).build();
    }

    private static Map<Long, Account> map(Account... accounts) {
        Map<Long, Account> m = new HashMap<>();
        for (Account a : accounts) {
            m.put(a.id(), a);
        }
        return m;
    }
}
