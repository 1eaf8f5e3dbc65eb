package io.creditsuite.account.domain;

/** The hash that links each journal entry to the one before it (链式设计). */
public final class ChainHash {
    /** previousHash of an account's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String of(String previousHash, long accountId, long version, EntryOrigin origin, Side side,
                            long amountMinor, String currency, long before, long after) {
        return Posting.sha256(previousHash + '|' + accountId + '|' + version + '|' + origin.voucherNo() + '|'
                + origin.legNo() + '|' + (origin.reversal() ? 1 : 0) + '|' + side + '|' + amountMinor + '|' + currency
                + '|' + before + '|' + after + '|' + origin.accountingDate());
    }

    /** The hash an entry should carry, recomputed from its fields. */
    public static String of(JournalEntry e) {
        return of(e.previousHash(), e.accountId(), e.version(), e.origin(), e.side(), e.amountMinor(), e.currency(),
                e.balanceBeforeMinor(), e.balanceAfterMinor());
    }
}
