package io.creditsuite.account.application;

import io.creditsuite.account.domain.JournalEntry;
import io.creditsuite.account.domain.PendingCredit;
import java.util.List;

/** The result of a posting use case. */
public record PostingReceipt(String voucherNo, Outcome outcome, boolean replayed, List<JournalEntry> entries,
                             List<PendingCredit> pending) {
    public enum Outcome { POSTED, ACCEPTED, INSUFFICIENT_BALANCE }

    static PostingReceipt insufficient(String voucherNo) {
        return new PostingReceipt(voucherNo, Outcome.INSUFFICIENT_BALANCE, false, List.of(), List.of());
    }
}
