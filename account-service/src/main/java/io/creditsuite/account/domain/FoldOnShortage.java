package io.creditsuite.account.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a debit does when it finds a summary-posted account short: the account's credits wait as pending
 * details (they keep its row cold), so its stored balance can be below what it really holds. Before such a
 * debit is refused, the account's oldest details are folded into its chain and the posting is tried once more.
 *
 * <p>Guarantees, for a posting P applied to the locked accounts, refused with refusal r:
 * <pre>
 *   a fold happens  &lt;=&gt;  r.error = INSUFFICIENT_BALANCE  and  a = locked[r.accountId] exists
 *                         and  a.mode.summarizesCredits  and  W != {}
 *   W = oldest(a, MAX_DETAILS) \ foldedInBatch          (oldest first; a detail is folded at most once a batch)
 *   fold:  a.balance' = a.balance + sum(signedEffect(d) for d in W),  pending' = pending \ W
 *          so  a.balance + sum(pending)  is unchanged by the fold (no money is created or lost)
 *   P is applied at most twice: once before the fold and exactly once after it; the second answer
 *   (posted or refused) is final, and the fold stands either way (it only moved money that was there)
 * </pre>
 * Any other refusal is passed on as it came, with nothing folded.
 */
public final class FoldOnShortage {
    /** Most details folded for one short debit: bounds the work (and the transaction) a single debit can cause. */
    public static final int MAX_DETAILS = 100_000;

    private final PostingEngine engine;
    private final PendingCreditRepository pendingCredits;

    public FoldOnShortage(PostingEngine engine, PendingCreditRepository pendingCredits) {
        this.engine = engine;
        this.pendingCredits = pendingCredits;
    }

    /**
     * What one posting did under this policy: the fold it caused (possibly none), and either what the posting
     * wrote or why it was refused (exactly one of {@code applied} and {@code refusal} is non-null).
     */
    public record Attempt(List<JournalEntry> foldEntries, List<PendingCredit> folded, PostingEngine.Applied applied,
                          LedgerException refusal) {
        public Attempt {
            foldEntries = List.copyOf(foldEntries);
            folded = List.copyOf(folded);
            if ((applied == null) == (refusal == null)) {
                throw new IllegalArgumentException("an attempt is either applied or refused");
            }
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    /**
     * @param posting       applies the posting to {@code locked} (all legs or none, as {@link PostingEngine} does)
     * @param locked        the batch's accounts, a short one among them held under its row lock
     * @param foldedInBatch details this batch already folded (not deleted from the store yet)
     */
    public Attempt apply(Supplier<PostingEngine.Applied> posting, Map<Long, Account> locked,
                         Collection<PendingCredit> foldedInBatch) {
        LedgerException first;
        try {
            return new Attempt(List.of(), List.of(), posting.get(), null);
        } catch (LedgerException e) {
            first = e;
        }
        Account shortAccount = accountToFold(first, locked);
        if (shortAccount == null) {
            return new Attempt(List.of(), List.of(), null, first);
        }
        List<PendingCredit> waiting = new ArrayList<>(pendingCredits.oldest(shortAccount.id(), MAX_DETAILS));
        waiting.removeIf(foldedInBatch::contains);
        if (waiting.isEmpty()) {
            return new Attempt(List.of(), List.of(), null, first);
        }
        List<JournalEntry> foldEntries = engine.fold(shortAccount, waiting);
        try {
            return new Attempt(foldEntries, waiting, posting.get(), null);
        } catch (LedgerException second) {
            return new Attempt(foldEntries, waiting, null, second);
        }
    }

    /** The account whose details a refusal should fold, or null when the refusal is final as it is. */
    static Account accountToFold(LedgerException refusal, Map<Long, Account> locked) {
        if (refusal.error() != LedgerError.INSUFFICIENT_BALANCE || refusal.accountId() == null) {
            return null;
        }
        Account account = locked.get(refusal.accountId());
        return account != null && account.mode().summarizesCredits() ? account : null;
    }
}
