package io.creditsuite.account.application;

import io.creditsuite.account.domain.JournalEntry;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.PendingCredit;
import java.util.List;

/** What the writer did with one posting of a batch. */
public sealed interface WriteOutcome {
    record Posted(List<JournalEntry> entries, List<PendingCredit> pending) implements WriteOutcome {
    }

    /** The voucher was already applied with the same body: nothing new was written. */
    record Replayed() implements WriteOutcome {
    }

    /** Refused by a rule; nothing of this posting was written. */
    record Refused(LedgerException reason) implements WriteOutcome {
    }
}
