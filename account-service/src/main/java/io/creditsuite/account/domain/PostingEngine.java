package io.creditsuite.account.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Applies a balanced posting to accounts the caller has locked, all legs or none.
 *
 * <p>Guarantees:
 * <pre>
 *   every leg is checked (state, currency, floor/overdraft, overflow) before any account changes
 *   a leg that raises a summary-posted account's balance becomes a PendingCredit, every other leg a JournalEntry
 *   sum over legs of signed amounts = 0 per currency  (Posting's invariant, so the books stay balanced)
 * </pre>
 */
public final class PostingEngine {

    /** What one posting wrote: chained entries and pending details. */
    public record Applied(List<JournalEntry> entries, List<PendingCredit> pending) {
    }

    /**
     * Applies an ordinary posting (not a reversal).
     *
     * @throws LedgerException nothing changed: unknown account, state, currency, insufficient balance, overflow
     */
    public Applied apply(Posting posting, String digest, Map<Long, Account> locked, EntryContext context) {
        return applyLegs(posting, locked, legNo -> new EntryOrigin(posting.voucherNo(), legNo, false, null,
                posting.postingType(), context.accountingDate(), context.traceId(), digest));
    }

    /**
     * Applies a reversal: leg i offsets the stored entry {@code reversedEntryIds.get(i)}.
     *
     * @throws IllegalArgumentException {@code reversedEntryIds} does not name one entry per leg
     * @throws LedgerException          nothing changed: unknown account, state, currency, insufficient balance, overflow
     */
    public Applied applyReversal(Posting posting, String digest, Map<Long, Account> locked, EntryContext context,
                                 List<Long> reversedEntryIds) {
        if (reversedEntryIds.size() != posting.legs().size()) {
            throw new IllegalArgumentException("reversal of voucher " + posting.voucherNo() + " names "
                    + reversedEntryIds.size() + " offset entries for " + posting.legs().size() + " legs");
        }
        return applyLegs(posting, locked, legNo -> new EntryOrigin(posting.voucherNo(), legNo, true,
                reversedEntryIds.get(legNo - 1), posting.postingType(), context.accountingDate(), context.traceId(),
                digest));
    }

    private Applied applyLegs(Posting posting, Map<Long, Account> locked, IntFunction<EntryOrigin> originOfLegNo) {
        List<Account> targets = new ArrayList<>(posting.legs().size());
        for (Leg leg : posting.legs()) {
            Account account = locked.get(leg.accountId());
            if (account == null) {
                throw new LedgerException(LedgerError.ACCOUNT_NOT_FOUND, "account " + leg.accountId() + " does not exist");
            }
            if (account.mode().split()) {
                throw new IllegalStateException("split account " + account.id() + " must be resolved to a sub-account first");
            }
            account.requireAccepts(leg);
            if (!summarized(account, leg)) {
                account.availableAfter(leg.side(), leg.amountMinor());
            }
            targets.add(account);
        }
        List<JournalEntry> entries = new ArrayList<>();
        List<PendingCredit> pending = new ArrayList<>();
        for (int i = 0; i < posting.legs().size(); i++) {
            Leg leg = posting.legs().get(i);
            Account account = targets.get(i);
            EntryOrigin origin = originOfLegNo.apply(i + 1);
            if (summarized(account, leg)) {
                pending.add(PendingCredit.of(account.id(), leg.side(), leg.amountMinor(), leg.currency(), origin));
            } else {
                entries.add(account.post(leg.side(), leg.amountMinor(), origin));
            }
        }
        return new Applied(entries, pending);
    }

    private static boolean summarized(Account account, Leg leg) {
        return account.mode().summarizesCredits() && account.signedEffect(leg.side(), leg.amountMinor()) > 0;
    }

    /**
     * Folds pending details into the account's chain, in order; their balances are fixed now.
     *
     * @throws IllegalStateException a detail's hash does not match its fields (it was altered): nothing is folded,
     *                               since its amount would enter the chain as if it were genuine
     */
    public List<JournalEntry> fold(Account account, List<PendingCredit> details) {
        List<JournalEntry> entries = new ArrayList<>(details.size());
        for (PendingCredit detail : details) {
            if (!detail.intact()) {
                throw new IllegalStateException("pending_credit " + detail.id() + " of account " + detail.accountId()
                        + " does not match its hash (the row was altered); it is not folded");
            }
        }
        for (PendingCredit detail : details) {
            if (detail.accountId() != account.id()) {
                throw new IllegalArgumentException("detail of account " + detail.accountId() + " folded into " + account.id());
            }
            entries.add(account.post(detail.side(), detail.amountMinor(), detail.origin()));
        }
        return entries;
    }
}
