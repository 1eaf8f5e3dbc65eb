package io.creditsuite.api.account;

import java.io.Serializable;

/**
 * One journal (流水) entry, or a detail row of a summary-posted account not yet folded
 * ({@code folded == false}: version 0, no balances or hashes yet).
 *
 * @param reversedEntryId for a reversal (蓝抵) entry, the entry it offsets; null otherwise
 * @param accountingDate  ISO date of the accounting day the entry belongs to
 */
public record JournalEntryView(long entryId, long accountId, long version, String voucherNo, int legNo,
                               boolean reversal, Long reversedEntryId, String postingType, EntrySide side,
                               long amountMinor, String currency, long balanceBeforeMinor,
                               long balanceAfterMinor, String accountingDate, String traceId,
                               String previousHash, String hash, boolean folded) implements Serializable {
}
