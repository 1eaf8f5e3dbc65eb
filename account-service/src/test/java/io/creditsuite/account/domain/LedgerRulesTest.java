package io.creditsuite.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ledger's money rules, without any framework. */
class LedgerRulesTest {
    private static final EntryContext TODAY = new EntryContext(LocalDate.of(2026, 11, 22), "t-1");
    private final PostingEngine engine = new PostingEngine();

    @Test
    void a_posting_whose_debits_and_credits_differ_in_a_currency_is_refused() {
        LedgerException e = catchThrowableOfType(LedgerException.class, () -> new Posting("v1", "CUSTOM", List.of(
                new Leg(1, Side.DEBIT, 100, "CNY"), new Leg(2, Side.CREDIT, 100, "USD"))));
        assertThat(e.error()).isEqualTo(LedgerError.POSTING_UNBALANCED);
    }

    @Test
    void zero_negative_and_overflowing_amounts_are_refused() {
        assertThat(catchThrowableOfType(LedgerException.class, () -> new Leg(1, Side.DEBIT, 0, "CNY")).error())
                .isEqualTo(LedgerError.AMOUNT_NOT_POSITIVE);
        assertThat(catchThrowableOfType(LedgerException.class, () -> new Leg(1, Side.DEBIT, -1, "CNY")).error())
                .isEqualTo(LedgerError.AMOUNT_NOT_POSITIVE);
        assertThat(catchThrowableOfType(LedgerException.class, () -> new Posting("v1", "CUSTOM", List.of(
                new Leg(1, Side.DEBIT, Long.MAX_VALUE, "CNY"), new Leg(2, Side.DEBIT, 1, "CNY"),
                new Leg(3, Side.CREDIT, 1, "CNY")))).error()).isEqualTo(LedgerError.AMOUNT_OVERFLOW);
    }

    @Test
    void an_account_appearing_in_two_legs_is_malformed() {
        assertThat(catchThrowableOfType(LedgerException.class, () -> new Posting("v1", "CUSTOM", List.of(
                new Leg(1, Side.DEBIT, 5, "CNY"), new Leg(1, Side.CREDIT, 5, "CNY")))).error())
                .isEqualTo(LedgerError.POSTING_MALFORMED);
    }

    @Test
    void each_entry_moves_the_balance_by_its_amount_and_chains_to_the_previous_hash() {
        Map<Long, Account> accounts = accounts(asset(1, 0), liability(2, 0));

        List<JournalEntry> first = engine.apply(recharge("v1", 100), "d1", accounts, TODAY).entries();
        List<JournalEntry> second = engine.apply(recharge("v2", 50), "d2", accounts, TODAY).entries();

        JournalEntry e1 = first.get(1);
        JournalEntry e2 = second.get(1);
        assertThat(e1.balanceBeforeMinor()).isZero();
        assertThat(e1.balanceAfterMinor()).isEqualTo(100);
        assertThat(e2.version()).isEqualTo(e1.version() + 1);
        assertThat(e2.balanceBeforeMinor()).isEqualTo(e1.balanceAfterMinor());
        assertThat(e2.balanceAfterMinor()).isEqualTo(150);
        assertThat(e2.previousHash()).isEqualTo(e1.hash());
        assertThat(ChainHash.of(e2)).isEqualTo(e2.hash());
        assertThat(accounts.get(1L).balanceMinor()).isEqualTo(150);
    }

    @Test
    void an_outflow_may_not_cross_zero_or_the_floor_and_then_nothing_changes() {
        Account customer = liability(2, 0);
        Account payout = Accounts.asset(3).owner("p").floor(40L).available(100).build();
        Map<Long, Account> accounts = accounts(customer, payout);
        Posting withdraw61 = new Posting("w1", "WITHDRAW", List.of(new Leg(2, Side.DEBIT, 61, "CNY"),
                new Leg(3, Side.CREDIT, 61, "CNY")));

        LedgerException e = catchThrowableOfType(LedgerException.class,
                () -> engine.apply(withdraw61, "d", accounts, TODAY));

        assertThat(e.error()).isEqualTo(LedgerError.INSUFFICIENT_BALANCE);
        assertThat(customer.version()).isZero();
        assertThat(payout.availableMinor()).isEqualTo(100);
        assertThat(payout.changed()).isFalse();
    }

    @Test
    void a_summary_posted_account_gets_pending_credits_that_fold_in_order_into_its_chain() {
        Account hot = Accounts.asset(1).owner("h").mode(PostingMode.ADD_FREQUENT).build();
        Map<Long, Account> accounts = accounts(hot, liability(2, 0));

        PostingEngine.Applied a = engine.apply(recharge("v1", 30), "d", accounts, TODAY);
        PostingEngine.Applied b = engine.apply(recharge("v2", 12), "d", accounts, TODAY);
        assertThat(hot.balanceMinor()).as("credits wait as details").isZero();

        List<JournalEntry> folded = engine.fold(hot, List.of(a.pending().get(0), b.pending().get(0)));

        assertThat(folded).extracting(JournalEntry::balanceAfterMinor).containsExactly(30L, 42L);
        assertThat(folded).extracting(JournalEntry::version).containsExactly(1L, 2L);
        assertThat(hot.balanceMinor()).isEqualTo(42);
    }

    @Test
    void the_chain_verifier_finds_an_altered_amount_and_a_missing_version() {
        Account customer = liability(2, 0);
        Map<Long, Account> accounts = accounts(asset(1, 0), customer);
        JournalEntry e1 = engine.apply(recharge("v1", 10), "d", accounts, TODAY).entries().get(1);
        JournalEntry e2 = engine.apply(recharge("v2", 20), "d", accounts, TODAY).entries().get(1);
        JournalEntry e3 = engine.apply(recharge("v3", 30), "d", accounts, TODAY).entries().get(1);

        ChainVerifier intact = new ChainVerifier(customer);
        List.of(e1, e2, e3).forEach(intact::accept);
        assertThat(intact.verdict().intact()).isTrue();

        ChainVerifier gap = new ChainVerifier(customer);
        List.of(e1.withId(11), e3.withId(13)).forEach(gap::accept);
        assertThat(gap.verdict().brokenEntryId()).isEqualTo(13L);

        JournalEntry altered = new JournalEntry(12L, e2.accountId(), e2.version(), e2.voucherNo(), e2.legNo(), false,
                null, e2.postingType(), e2.movement(), e2.side(), 21, e2.currency(), e2.balanceBeforeMinor(), 31,
                new SubBalances(31, 0, 0), e2.accountingDate(), e2.traceId(), e2.digest(), e2.chainFormat(),
                e2.previousHash(), e2.hash());
        ChainVerifier tampered = new ChainVerifier(customer);
        List.of(e1.withId(11), altered, e3.withId(13)).forEach(tampered::accept);
        assertThat(tampered.verdict().brokenEntryId()).isEqualTo(12L);
        assertThat(tampered.verdict().reason()).contains("hash");
    }

    @Test
    void a_sub_account_choice_is_stable_per_voucher_and_fails_over_through_every_sibling() {
        List<Long> subs = List.of(11L, 12L, 13L, 14L);
        List<Long> order = SubAccountPolicy.order("voucher-7", subs);
        assertThat(order).containsExactlyInAnyOrderElementsOf(subs);
        assertThat(SubAccountPolicy.order("voucher-7", subs)).isEqualTo(order);
        assertThat(SubAccountPolicy.collectAmount(10, 500, 100)).isEqualTo(190);
        assertThat(SubAccountPolicy.collectAmount(10, 120, 100)).isEqualTo(20);
        assertThat(SubAccountPolicy.collectAmount(10, 90, 100)).isZero();
    }

    @Test
    void freezing_moves_available_to_frozen_without_changing_the_balance() {
        Account customer = liability(2, 100);
        EntryOrigin hold = new EntryOrigin("#TCC-t1-OUT-TRY", 1, false, null, "TRANSFER_OUT_TRY", TODAY.accountingDate(),
                "t", "d");
        customer.freeze(60, hold);
        assertThat(customer.availableMinor()).isEqualTo(40);
        assertThat(customer.balanceMinor()).isEqualTo(100);
        assertThat(catchThrowableOfType(LedgerException.class, () -> customer.freeze(41, hold)).error())
                .isEqualTo(LedgerError.INSUFFICIENT_BALANCE);
        JournalEntry settled = customer.settleFrozen(Side.DEBIT, 60, new EntryOrigin("t1", 1, false, null,
                "TRANSFER_OUT", TODAY.accountingDate(), "t", "d"));
        assertThat(settled.balanceAfterMinor()).isEqualTo(40);
        assertThat(customer.frozenMinor()).isZero();
    }

    private static Posting recharge(String voucher, long amount) {
        return new Posting(voucher, "RECHARGE", List.of(new Leg(1, Side.DEBIT, amount, "CNY"),
                new Leg(2, Side.CREDIT, amount, "CNY")));
    }

    private static Account asset(long id, long available) {
        return Accounts.asset(id).available(available).build();
    }

    private static Account liability(long id, long available) {
        return Accounts.liability(id).available(available).build();
    }

    private static Map<Long, Account> accounts(Account... list) {
        Map<Long, Account> map = new HashMap<>();
        for (Account a : list) {
            map.put(a.id(), a);
        }
        return map;
    }
}
