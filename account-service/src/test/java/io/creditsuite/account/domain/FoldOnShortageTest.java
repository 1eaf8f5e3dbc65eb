package io.creditsuite.account.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.account.application.fakes.InMemoryPendingCreditRepository;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link FoldOnShortage}: when a refusal folds, what it folds, that money is kept, that the posting runs once more. */
class FoldOnShortageTest {
    private static final EntryContext TODAY = new EntryContext(LocalDate.of(2026, 11, 22), "t-1");
    private final PostingEngine engine = new PostingEngine();
    private final InMemoryPendingCreditRepository pending = new InMemoryPendingCreditRepository();
    private final FoldOnShortage policy = new FoldOnShortage(engine, pending);
    private final AtomicInteger applications = new AtomicInteger();

    // account 1: summary-posted asset whose credits wait as details; 2: the customer; 3: a payout asset
    private final Account hot = account(1, AccountKind.ASSET, PostingMode.ADD_FREQUENT);
    private final Map<Long, Account> locked = accounts(hot, account(2, AccountKind.LIABILITY, PostingMode.NORMAL),
            account(3, AccountKind.ASSET, PostingMode.NORMAL));

    @Test
    void a_debit_short_on_a_summary_account_folds_its_details_and_is_applied_once_more() {
        waitingDetails(30, 12, 5);
        long heldBefore = hot.balanceMinor() + pending.sum(1);

        FoldOnShortage.Attempt attempt = policy.apply(debitOfHot("w1", 40), locked, List.of());

        assertThat(attempt.refused()).isFalse();
        assertThat(applications).as("before the fold and once after").hasValue(2);
        assertThat(attempt.folded()).extracting(PendingCredit::amountMinor).containsExactly(30L, 12L, 5L);
        assertThat(attempt.foldEntries()).extracting(JournalEntry::balanceAfterMinor).containsExactly(30L, 42L, 47L);
        long stillWaiting = pending.sum(1) - attempt.folded().stream().mapToLong(PendingCredit::amountMinor).sum();
        long heldAfterFold = attempt.foldEntries().get(2).balanceAfterMinor() + stillWaiting;
        assertThat(heldAfterFold).as("balance + sum(pending) is unchanged by the fold").isEqualTo(heldBefore);
        assertThat(hot.balanceMinor()).isEqualTo(7);
    }

    @Test
    void a_debit_still_short_after_the_fold_is_refused_and_the_fold_stands() {
        waitingDetails(30);

        FoldOnShortage.Attempt attempt = policy.apply(debitOfHot("w1", 31), locked, List.of());

        assertThat(attempt.refused()).isTrue();
        assertThat(attempt.refusal().error()).isEqualTo(LedgerError.INSUFFICIENT_BALANCE);
        assertThat(applications).as("applied exactly once after the fold, never a third time").hasValue(2);
        assertThat(attempt.folded()).hasSize(1);
        assertThat(hot.balanceMinor()).as("the fold moved the detail into the balance").isEqualTo(30);
    }

    @Test
    void a_detail_already_folded_in_the_batch_is_not_folded_twice_and_none_left_means_no_fold() {
        waitingDetails(30);
        List<PendingCredit> foldedInBatch = pending.oldest(1, 10);

        FoldOnShortage.Attempt attempt = policy.apply(debitOfHot("w1", 10), locked, foldedInBatch);

        assertThat(attempt.refused()).isTrue();
        assertThat(attempt.folded()).isEmpty();
        assertThat(attempt.foldEntries()).isEmpty();
        assertThat(applications).hasValue(1);
        assertThat(hot.balanceMinor()).isZero();
    }

    @Test
    void a_shortage_on_an_account_that_is_not_summary_posted_is_final() {
        Account payout = locked.get(3L);
        Supplier<PostingEngine.Applied> debitOfPayout = counted(new Posting("w1", "WITHDRAW", List.of(
                new Leg(3, Side.CREDIT, 5, "CNY"), new Leg(2, Side.DEBIT, 5, "CNY"))));
        waitingDetails(30);

        FoldOnShortage.Attempt attempt = policy.apply(debitOfPayout, locked, List.of());

        assertThat(attempt.refusal().error()).isEqualTo(LedgerError.INSUFFICIENT_BALANCE);
        assertThat(attempt.refusal().accountId()).isEqualTo(payout.id());
        assertThat(attempt.folded()).isEmpty();
        assertThat(applications).hasValue(1);
    }

    @Test
    void a_refusal_other_than_a_shortage_is_final_and_a_posting_that_fits_is_applied_once() {
        waitingDetails(30);
        // the unknown account's leg comes first: the engine refuses it before it sees account 1 short
        Supplier<PostingEngine.Applied> unknownAccount = counted(new Posting("w1", "WITHDRAW", List.of(
                new Leg(9, Side.DEBIT, 5, "CNY"), new Leg(1, Side.CREDIT, 5, "CNY"))));

        FoldOnShortage.Attempt refused = policy.apply(unknownAccount, locked, List.of());

        assertThat(refused.refusal().error()).isEqualTo(LedgerError.ACCOUNT_NOT_FOUND);
        assertThat(refused.folded()).isEmpty();
        assertThat(applications).hasValue(1);

        FoldOnShortage.Attempt posted = policy.apply(counted(recharge("v9", 5)), locked, List.of());
        assertThat(posted.refused()).isFalse();
        assertThat(posted.folded()).isEmpty();
        assertThat(applications).hasValue(2);
    }

    /** Credits to account 1 that wait as stored details. */
    private void waitingDetails(long... amounts) {
        for (int i = 0; i < amounts.length; i++) {
            pending.insertAll(engine.apply(recharge("r" + i, amounts[i]), "d", locked, TODAY).pending());
        }
    }

    private Supplier<PostingEngine.Applied> debitOfHot(String voucher, long amount) {
        return counted(new Posting(voucher, "WITHDRAW", List.of(new Leg(1, Side.CREDIT, amount, "CNY"),
                new Leg(3, Side.DEBIT, amount, "CNY"))));
    }

    private Supplier<PostingEngine.Applied> counted(Posting posting) {
        return () -> {
            applications.incrementAndGet();
            return engine.apply(posting, "d", locked, TODAY);
        };
    }

    private static Posting recharge(String voucher, long amount) {
        return new Posting(voucher, "RECHARGE", List.of(new Leg(1, Side.DEBIT, amount, "CNY"),
                new Leg(2, Side.CREDIT, amount, "CNY")));
    }

    private static Account account(long id, AccountKind kind, PostingMode mode) {
        return (kind == AccountKind.ASSET ? Accounts.asset(id) : Accounts.liability(id)).mode(mode).build();
    }

    private static Map<Long, Account> accounts(Account... list) {
        Map<Long, Account> map = new HashMap<>();
        for (Account a : list) {
            map.put(a.id(), a);
        }
        return map;
    }
}
