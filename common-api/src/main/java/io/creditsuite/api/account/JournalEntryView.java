package io.creditsuite.api.account;

import java.io.Serializable;

/**
 * One journal (流水) entry, or a detail row of a summary-posted account not yet folded
 * ({@code folded == false}: version 0, no balances or hashes yet).
 *
 * @param reversedEntryId for a reversal (蓝抵) entry, the entry it offsets; null otherwise
 * @param accountingDate  ISO date of the accounting day the entry belongs to
 * @param side            an {@link EntrySide} name: a string for the reason given at {@link LegRequest}
 */
public record JournalEntryView(long entryId, long accountId, long version, String voucherNo, int legNo,
                               boolean reversal, Long reversedEntryId, String postingType, String side,
                               long amountMinor, String currency, long balanceBeforeMinor,
                               long balanceAfterMinor, String accountingDate, String traceId,
                               String previousHash, String hash, boolean folded) implements Serializable {

    public JournalEntryView(long entryId, long accountId, long version, String voucherNo, int legNo, boolean reversal,
                            Long reversedEntryId, String postingType, EntrySide side, long amountMinor,
                            String currency, long balanceBeforeMinor, long balanceAfterMinor, String accountingDate,
                            String traceId, String previousHash, String hash, boolean folded) {
        this(entryId, accountId, version, voucherNo, legNo, reversal, reversedEntryId, postingType, side.name(),
                amountMinor, currency, balanceBeforeMinor, balanceAfterMinor, accountingDate, traceId, previousHash,
                hash, folded);
    }

    public EntrySide entrySide() {
        return EntrySide.valueOf(side);
    }
}
