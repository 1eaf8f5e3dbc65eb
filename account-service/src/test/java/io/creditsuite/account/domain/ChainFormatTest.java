package io.creditsuite.account.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What the chain covers (ChainFormat), its encoding, and what the verifier names. */
class ChainFormatTest {
    private static final EntryContext TODAY = new EntryContext(LocalDate.of(2026, 12, 2), "trace-1");
    private final PostingEngine engine = new PostingEngine();

    @Test
    void the_encoding_tells_apart_field_lists_that_concatenate_alike() {
        assertThat(new HashInput().field("1").field("23").encoded())
                .isNotEqualTo(new HashInput().field("12").field("3").encoded());
        assertThat(new HashInput().field("1|2").field("3").encoded())
                .isNotEqualTo(new HashInput().field("1").field("2|3").encoded());
        assertThat(new HashInput().field((String) null).encoded()).isNotEqualTo(new HashInput().field("").encoded());
        assertThat(new HashInput().field("-").encoded()).isNotEqualTo(new HashInput().field((String) null).encoded());
        assertThat(new HashInput().field("é").encoded()).isEqualTo("2:é"); // bytes, not characters
    }

    @Test
    void every_field_of_a_format_2_entry_changes_its_hash() {
        JournalEntry e = reversalEntry();
        List<UnaryOperator<JournalEntry>> changes = List.of(
                x -> copy(x, "previousHash", "f".repeat(64)), x -> copy(x, "accountId", 3L), x -> copy(x, "version", 9L),
                x -> copy(x, "movement", EntryMovement.FREEZE), x -> copy(x, "voucherNo", "other"),
                x -> copy(x, "legNo", 5), x -> copy(x, "reversal", false), x -> copy(x, "reversedEntryId", 78L),
                x -> copy(x, "reversedEntryId", null), x -> copy(x, "postingType", "WITHDRAW"),
                x -> copy(x, "side", Side.DEBIT), x -> copy(x, "amountMinor", 31L), x -> copy(x, "currency", "USD"),
                x -> copy(x, "balanceBeforeMinor", 1L), x -> copy(x, "balanceAfterMinor", 1L),
                x -> copy(x, "subBalancesAfter", new SubBalances(69, 1, 0)),
                x -> copy(x, "subBalancesAfter", new SubBalances(70, 0, 1)),
                x -> copy(x, "subBalancesAfter", new SubBalances(71, 0, 0)),
                x -> copy(x, "accountingDate", LocalDate.of(2026, 12, 3)), x -> copy(x, "traceId", "trace-2"),
                x -> copy(x, "digest", "e".repeat(64)));
        Set<String> hashes = new HashSet<>(List.of(ChainHash.of(e)));
        for (int i = 0; i < changes.size(); i++) {
            JournalEntry changed = changes.get(i).apply(e);
            assertThat(changed).as("change #%d", i).isNotEqualTo(e);
            assertThat(hashes.add(ChainHash.of(changed))).as("change #%d (%s) changes the hash", i, changed).isTrue();
        }
    }

    @Test
    void an_old_format_row_still_verifies_and_a_new_row_may_follow_it() {
        Account customer = liability(2, 0);
        Map<Long, Account> accounts = accounts(asset(1, 0), customer);
        JournalEntry fresh = engine.apply(recharge("v1", 100), "d", accounts, TODAY).entries().get(1);
        // the same entry as written before V55: format 1, no movement or sub-balances, the old formula
        JournalEntry legacy = copy(copy(copy(fresh, "chainFormat", ChainFormat.V1), "subBalancesAfter", null), "hash", null);
        legacy = copy(legacy, "hash", Posting.sha256(legacy.previousHash() + '|' + legacy.accountId() + '|'
                + legacy.version() + '|' + legacy.voucherNo() + '|' + legacy.legNo() + "|0|" + legacy.side() + '|'
                + legacy.amountMinor() + '|' + legacy.currency() + '|' + legacy.balanceBeforeMinor() + '|'
                + legacy.balanceAfterMinor() + '|' + legacy.accountingDate()));
        Account migrated = Accounts.liability(2).available(100).at(1, legacy.hash()).build();
        JournalEntry next = engine.apply(recharge("v2", 5), "d", accounts(asset(1, 0), migrated), TODAY)
                .entries().get(1);

        ChainVerifier verifier = new ChainVerifier(migrated);
        assertThat(verifier.accept(legacy.withId(1))).isTrue();
        assertThat(verifier.accept(next.withId(2))).isTrue();
        assertThat(verifier.verdict().intact()).isTrue();
        assertThat(next.chainFormat()).isEqualTo(ChainFormat.V2);

        ChainVerifier altered = new ChainVerifier(migrated);
        altered.accept(copy(legacy, "amountMinor", 101L).withId(1));
        assertThat(altered.verdict().brokenEntryId()).isEqualTo(1L);
    }

    @Test
    void a_try_and_a_cancel_are_balance_neutral_records_and_the_chain_replays_the_sub_balances() {
        Account customer = liability(2, 0);
        Map<Long, Account> accounts = accounts(asset(1, 0), customer);
        List<JournalEntry> chain = new ArrayList<>(engine.apply(recharge("v1", 100), "d", accounts, TODAY)
                .entries().subList(1, 2));
        Transfer out = new Transfer("t1", Transfer.Direction.OUT, 2, 1, 60, "CNY", Transfer.Phase.TRIED, "xid-1");
        Transfer in = new Transfer("t2", Transfer.Direction.IN, 2, 1, 25, "CNY", Transfer.Phase.TRIED, "xid-2");
        chain.add(out.reserve(customer, accounts.get(1L), TODAY.accountingDate()).get(0));
        chain.add(in.reserve(customer, accounts.get(1L), TODAY.accountingDate()).get(0));
        chain.add(out.release(customer, accounts.get(1L), TODAY.accountingDate()).get(0));

        assertThat(chain.subList(1, 4)).allSatisfy(e -> assertThat(e.balanceAfterMinor()).isEqualTo(100));
        assertThat(chain).extracting(JournalEntry::movement).containsExactly(EntryMovement.POSTING,
                EntryMovement.FREEZE, EntryMovement.PROMISE_INFLOW, EntryMovement.UNFREEZE);
        assertThat(chain.get(1).subBalancesAfter()).isEqualTo(new SubBalances(40, 60, 0));
        assertThat(chain.get(1).voucherNo()).isEqualTo("#TCC-t1-OUT-TRY");
        assertThat(chain.get(3).voucherNo()).isEqualTo("#TCC-t1-OUT-CANCEL");
        assertThat(verify(customer, chain).intact()).isTrue();

        // the same account row with 1 moved from available to frozen: the balance is unchanged, the verifier sees it
        Account moved = Accounts.liability(2).available(99).frozen(1).inTransit(25)
                .at(customer.version(), customer.lastHash()).build();
        ChainVerifier.Verdict verdict = verify(moved, chain);
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.brokenEntryId()).isNull();
        assertThat(verdict.reason()).contains("sub-balances");
    }

    @Test
    void sub_balances_that_do_not_follow_from_the_previous_entry_are_named_even_with_a_matching_hash() {
        Account customer = liability(2, 0);
        Map<Long, Account> accounts = accounts(asset(1, 0), customer);
        JournalEntry first = engine.apply(recharge("v1", 100), "d", accounts, TODAY).entries().get(1);
        JournalEntry freeze = new Transfer("t1", Transfer.Direction.OUT, 2, 1, 60, "CNY", Transfer.Phase.TRIED, "x")
                .reserve(customer, accounts.get(1L), TODAY.accountingDate()).get(0);
        // a writer bug: the record says UNFREEZE where FREEZE happened, hashed consistently
        JournalEntry wrong = copy(freeze, "movement", EntryMovement.UNFREEZE);
        wrong = copy(wrong, "hash", ChainFormat.V2.hash(wrong));

        ChainVerifier.Verdict verdict = verify(Accounts.liability(2).available(40).frozen(60).at(2, wrong.hash()).build(),
                List.of(first.withId(1), wrong.withId(2)));

        assertThat(verdict.brokenEntryId()).isEqualTo(2L);
        assertThat(verdict.reason()).contains("sub-balances");
    }

    @Test
    void a_pending_detail_carries_a_hash_that_names_an_altered_row_and_is_not_folded() {
        Account hot = Accounts.asset(1).owner("h").mode(PostingMode.ADD_FREQUENT).build();
        PendingCredit detail = engine.apply(recharge("v1", 30), "d", accounts(hot, liability(2, 0)), TODAY)
                .pending().get(0);
        PendingCredit stored = new PendingCredit(7L, 1, detail.side(), detail.amountMinor(), detail.currency(),
                detail.origin(), detail.hash());
        PendingCredit altered = new PendingCredit(7L, 1, detail.side(), 31, detail.currency(), detail.origin(),
                detail.hash());

        assertThat(stored.intact()).isTrue();
        ChainVerifier ok = new ChainVerifier(hot);
        assertThat(ok.acceptDetail(stored)).isTrue();
        assertThat(ok.verdict().intact()).isTrue();
        ChainVerifier named = new ChainVerifier(hot);
        named.acceptDetail(altered);
        assertThat(named.verdict().brokenDetailId()).isEqualTo(7L);
        assertThat(named.verdict().reason()).contains("pending_credit 7");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.fold(hot, List.of(stored, altered)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pending_credit 7");
        assertThat(hot.version()).as("nothing folded").isZero();
    }

    private static ChainVerifier.Verdict verify(Account account, List<JournalEntry> chain) {
        ChainVerifier verifier = new ChainVerifier(account);
        long id = 1;
        for (JournalEntry e : chain) {
            verifier.accept(e.id() == null ? e.withId(id) : e);
            id++;
        }
        return verifier.verdict();
    }

    private JournalEntry reversalEntry() {
        Account customer = liability(2, 100);
        return engine.applyReversal(recharge("v9", 30), "d".repeat(64), accounts(asset(1, 0), customer), TODAY, List.of(77L, 77L))
                .entries().get(1);
    }

    /** The entry with one record component replaced (by name). */
    private static JournalEntry copy(JournalEntry e, String component, Object value) {
        var components = JournalEntry.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = components[i].getName().equals(component) ? value : components[i].getAccessor().invoke(e);
            }
            return JournalEntry.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Posting recharge(String voucher, long amount) {
        return new Posting(voucher, "RECHARGE", List.of(new Leg(1, Side.DEBIT, amount, "CNY"),
                new Leg(2, Side.CREDIT, amount, "CNY")));
    }

    private static Account asset(long id, long available) {
        return Accounts.asset(id).overdraft(1_000_000).available(available).build();
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
