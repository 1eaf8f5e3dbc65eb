package io.creditsuite.api.account;

import java.io.Serializable;
import java.util.List;

/**
 * @param replayed true when this is the stored result of an earlier request with the same voucher
 * @param entries  the entries written (empty unless POSTED)
 */
public record PostingResult(String voucherNo, PostingOutcome outcome, boolean replayed,
                            List<JournalEntryView> entries) implements Serializable {
}
