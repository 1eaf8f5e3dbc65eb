package io.creditsuite.account.domain;

import java.time.LocalDate;

/**
 * One immutable journal (流水) entry on one account's chain.
 *
 * <p>Guarantees:
 * <pre>
 *   balanceAfter = balanceBefore + (side = account.normalSide ? +amount : -amount)
 *   version = previous.version + 1            (UNIQUE account_id, version)
 *   subBalancesAfter = movement.after(previous.subBalancesAfter, signed amount),  balanceAfter = subBalancesAfter.balance
 *   previousHash = previous.hash,  hash = chainFormat.hash(every field but id)   (see ChainFormat)
 *   (voucherNo, legNo, reversal) is unique: a leg applies once and is reversed (蓝抵) at most once
 * </pre>
 * {@code id} is null until stored; {@code subBalancesAfter} is null only in a V1 row (written before V55).
 */
public record JournalEntry(Long id, long accountId, long version, String voucherNo, int legNo, boolean reversal,
                           Long reversedEntryId, String postingType, EntryMovement movement, Side side, long amountMinor,
                           String currency, long balanceBeforeMinor, long balanceAfterMinor, SubBalances subBalancesAfter,
                           LocalDate accountingDate, String traceId, String digest, ChainFormat chainFormat,
                           String previousHash, String hash) {

    public EntryOrigin origin() {
        return new EntryOrigin(voucherNo, legNo, reversal, reversedEntryId, postingType, accountingDate, traceId, digest);
    }

    public JournalEntry withId(long newId) {
        return new JournalEntry(newId, accountId, version, voucherNo, legNo, reversal, reversedEntryId, postingType,
                movement, side, amountMinor, currency, balanceBeforeMinor, balanceAfterMinor, subBalancesAfter,
                accountingDate, traceId, digest, chainFormat, previousHash, hash);
    }

    /** The same entry carrying {@code newHash}. */
    JournalEntry withHash(String newHash) {
        return new JournalEntry(id, accountId, version, voucherNo, legNo, reversal, reversedEntryId, postingType,
                movement, side, amountMinor, currency, balanceBeforeMinor, balanceAfterMinor, subBalancesAfter,
                accountingDate, traceId, digest, chainFormat, previousHash, newHash);
    }
}
