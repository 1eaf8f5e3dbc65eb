package io.creditsuite.account.domain;

import java.time.LocalDate;

/**
 * One immutable journal (流水) entry on one account's chain.
 *
 * <p>Guarantees:
 * <pre>
 *   balanceAfter = balanceBefore + (side = account.normalSide ? +amount : -amount)
 *   version = previous.version + 1            (UNIQUE account_id, version)
 *   previousHash = previous.hash,  hash = SHA-256(previousHash | fields)
 *   (voucherNo, legNo, reversal) is unique: a leg applies once and is reversed (蓝抵) at most once
 * </pre>
 * {@code id} is null until stored.
 */
public record JournalEntry(Long id, long accountId, long version, String voucherNo, int legNo, boolean reversal,
                           Long reversedEntryId, String postingType, Side side, long amountMinor, String currency,
                           long balanceBeforeMinor, long balanceAfterMinor, LocalDate accountingDate, String traceId,
                           String digest, String previousHash, String hash) {

    public EntryOrigin origin() {
        return new EntryOrigin(voucherNo, legNo, reversal, reversedEntryId, postingType, accountingDate, traceId, digest);
    }

    public JournalEntry withId(long newId) {
        return new JournalEntry(newId, accountId, version, voucherNo, legNo, reversal, reversedEntryId, postingType,
                side, amountMinor, currency, balanceBeforeMinor, balanceAfterMinor, accountingDate, traceId, digest,
                previousHash, hash);
    }
}
