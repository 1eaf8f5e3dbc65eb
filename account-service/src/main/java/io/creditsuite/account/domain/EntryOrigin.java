package io.creditsuite.account.domain;

import java.time.LocalDate;

/** Where a journal entry comes from: the voucher, its leg, and the context it was posted in. */
public record EntryOrigin(String voucherNo, int legNo, boolean reversal, Long reversedEntryId, String postingType,
                          LocalDate accountingDate, String traceId, String digest) {
}
