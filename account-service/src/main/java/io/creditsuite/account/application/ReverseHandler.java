package io.creditsuite.account.application;

import io.creditsuite.account.domain.JournalEntry;
import io.creditsuite.account.domain.JournalRepository;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.PendingCreditRepository;
import io.creditsuite.account.domain.Posting;
import io.creditsuite.account.domain.ReversalPolicy;
import java.util.List;

/**
 * Use case: reverse (蓝抵) a posting by new entries on the opposite sides, each linked to the entry
 * it offsets. Exactly once: the reversal entries take (voucher, leg, reversal = 1), unique in the
 * journal, and {@code reversed_entry_id} is unique too. A retry of the same request (voucher + reason) gets
 * the stored reversal back; another reversal of the voucher is refused with ENTRY_ALREADY_REVERSED
 * ({@link ReversalPolicy}). Pending details of the posting are folded first so every leg has an entry.
 */
public class ReverseHandler {
    private final JournalRepository journal;
    private final PendingCreditRepository pendingCredits;
    private final LedgerWriter writer;
    private final BatchRunner runner;

    public ReverseHandler(JournalRepository journal, PendingCreditRepository pendingCredits, LedgerWriter writer,
                          BatchRunner runner) {
        this.journal = journal;
        this.pendingCredits = pendingCredits;
        this.writer = writer;
        this.runner = runner;
    }

    /**
     * @param reason the caller's reason; with the voucher, the request: the same request again is a retry
     *               answered with the stored reversal, another one is refused (see {@link ReversalPolicy})
     */
    public PostingReceipt reverse(String voucherNo, String reason, String traceId) {
        Posting.requireVoucher(voucherNo);
        String digest = ReversalPolicy.digest(voucherNo, reason);
        pendingCredits.byVoucher(voucherNo).forEach(p -> writer.fold(p.accountId(), Integer.MAX_VALUE));
        List<JournalEntry> entries = journal.byVoucher(voucherNo);
        if (entries.isEmpty()) {
            throw new LedgerException(LedgerError.VOUCHER_NOT_FOUND, "no posting has voucher " + voucherNo);
        }
        List<JournalEntry> prior = ReversalPolicy.priorReversal(voucherNo, entries, digest);
        if (!prior.isEmpty()) {
            return replayed(voucherNo, prior);
        }
        List<JournalEntry> originals = entries.stream().filter(e -> !e.reversal()).toList();
        Posting reversal = ReversalPolicy.offsetting(voucherNo, originals);
        List<Long> offsets = originals.stream().map(JournalEntry::id).toList();
        WriteOutcome outcome = runner.run(List.of(ResolvedPosting.reversalOf(reversal, digest, traceId, offsets))).get(0);
        if (outcome instanceof WriteOutcome.Refused refused) {
            if (refused.reason().error() == LedgerError.INSUFFICIENT_BALANCE) {
                return PostingReceipt.insufficient(voucherNo);
            }
            if (refused.reason().error() == LedgerError.ENTRY_ALREADY_REVERSED) {
                // a concurrent reversal won the unique key: the same request is answered with its entries
                pendingCredits.byVoucher(voucherNo).forEach(p -> writer.fold(p.accountId(), Integer.MAX_VALUE));
                List<JournalEntry> won = ReversalPolicy.priorReversal(voucherNo, journal.byVoucher(voucherNo), digest);
                if (!won.isEmpty()) {
                    return replayed(voucherNo, won);
                }
            }
            throw refused.reason();
        }
        WriteOutcome.Posted posted = (WriteOutcome.Posted) outcome;
        return new PostingReceipt(voucherNo, PostingReceipt.Outcome.POSTED, false, posted.entries(), posted.pending());
    }

    private static PostingReceipt replayed(String voucherNo, List<JournalEntry> reversal) {
        return new PostingReceipt(voucherNo, PostingReceipt.Outcome.POSTED, true, reversal, List.of());
    }
}
