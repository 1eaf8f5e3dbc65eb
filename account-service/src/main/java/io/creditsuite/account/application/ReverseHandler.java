package io.creditsuite.account.application;

import io.creditsuite.account.domain.JournalEntry;
import io.creditsuite.account.domain.JournalRepository;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.Leg;
import io.creditsuite.account.domain.PendingCreditRepository;
import io.creditsuite.account.domain.Posting;
import java.util.ArrayList;
import java.util.List;

/**
 * Use case: reverse (蓝抵) a posting by new entries on the opposite sides, each linked to the entry
 * it offsets. Exactly once: the reversal entries take (voucher, leg, reversal = 1), unique in the
 * journal, and {@code reversed_entry_id} is unique too; a second reversal is refused with
 * ENTRY_ALREADY_REVERSED. Pending details of the posting are folded first so every leg has an entry.
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

    public PostingReceipt reverse(String voucherNo, String traceId) {
        Posting.requireVoucher(voucherNo);
        pendingCredits.byVoucher(voucherNo).forEach(p -> writer.fold(p.accountId(), Integer.MAX_VALUE));
        List<JournalEntry> entries = journal.byVoucher(voucherNo);
        if (entries.isEmpty()) {
            throw new LedgerException(LedgerError.VOUCHER_NOT_FOUND, "no posting has voucher " + voucherNo);
        }
        if (entries.stream().anyMatch(JournalEntry::reversal)) {
            throw new LedgerException(LedgerError.ENTRY_ALREADY_REVERSED, "voucher " + voucherNo + " was already reversed");
        }
        List<Leg> legs = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (JournalEntry e : entries) {
            legs.add(new Leg(e.accountId(), e.side().opposite(), e.amountMinor(), e.currency()));
            offsets.add(e.id());
        }
        Posting reversal = new Posting(voucherNo, "REVERSAL", legs);
        WriteOutcome outcome = runner.run(List.of(new PostingCommand(reversal, reversal.digest(), traceId, offsets))).get(0);
        if (outcome instanceof WriteOutcome.Refused refused) {
            if (refused.reason().error() == LedgerError.INSUFFICIENT_BALANCE) {
                return PostingReceipt.insufficient(voucherNo);
            }
            throw refused.reason();
        }
        WriteOutcome.Posted posted = (WriteOutcome.Posted) outcome;
        return new PostingReceipt(voucherNo, PostingReceipt.Outcome.POSTED, false, posted.entries(), posted.pending());
    }
}
