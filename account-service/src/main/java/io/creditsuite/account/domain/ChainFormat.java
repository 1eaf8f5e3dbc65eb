package io.creditsuite.account.domain;

/**
 * The chain format (链式设计): what the hash of a journal entry and of a pending summary detail covers. Each
 * journal row stores its format ({@code journal_entry.chain_format}, V55); a row is verified with the formula of its
 * own format, so chains written before V55 stay verifiable.
 *
 * <p>Guarantees ({@code enc} is {@link HashInput}: each field {@code <byte length>:<UTF-8 bytes>}, null {@code -},
 * so no two field lists encode alike; {@code ||} is concatenation):
 * <pre>
 *   V2 entry e:  e.hash = SHA-256( enc("CS-LEDGER-ENTRY-2") || enc(e.previousHash) || enc(e.accountId) || enc(e.version)
 *                  || enc(e.movement) || enc(e.voucherNo) || enc(e.legNo) || enc(e.reversal ? 1 : 0)
 *                  || enc(e.reversedEntryId) || enc(e.postingType) || enc(e.side) || enc(e.amount) || enc(e.currency)
 *                  || enc(e.balanceBefore) || enc(e.balanceAfter) || enc(e.availableAfter) || enc(e.frozenAfter)
 *                  || enc(e.inTransitAfter) || enc(e.accountingDate) || enc(e.traceId) || enc(e.requestDigest) )
 *                every column of the row except its id and created_at (not facts about money)
 *   V1 entry e:  e.hash = SHA-256(previousHash|accountId|version|voucherNo|legNo|reversal|side|amount|currency
 *                  |balanceBefore|balanceAfter|accountingDate)   (rows written before V55; '|' cannot occur in a field)
 *                a V1 row must have movement = POSTING and no sub-balances (columns its hash does not cover are empty)
 *   detail d:    d.hash = SHA-256( enc("CS-LEDGER-DETAIL-2") || enc(d.accountId) || enc(d.voucherNo) || enc(d.legNo)
 *                  || enc(d.reversal ? 1 : 0) || enc(d.reversedEntryId) || enc(d.postingType) || enc(d.side)
 *                  || enc(d.amount) || enc(d.currency) || enc(d.accountingDate) || enc(d.traceId) || enc(d.requestDigest) )
 *                (V55 computed it in SQL for the details waiting at migration time)
 * </pre>
 * The leading tag makes an entry hash and a detail hash of one format different inputs.
 */
public enum ChainFormat {
    V1(1), V2(2);

    /** The format every new entry is written in. */
    public static final ChainFormat CURRENT = V2;
    static final String ENTRY_TAG = "CS-LEDGER-ENTRY-2";
    static final String DETAIL_TAG = "CS-LEDGER-DETAIL-2";

    private final int code;

    ChainFormat(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ChainFormat of(int code) {
        for (ChainFormat f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown chain format " + code);
    }

    /** The hash the entry should carry under this format, from its fields (its own hash is ignored). */
    public String hash(JournalEntry e) {
        if (this == V1) {
            return Posting.sha256(e.previousHash() + '|' + e.accountId() + '|' + e.version() + '|' + e.voucherNo() + '|'
                    + e.legNo() + '|' + (e.reversal() ? 1 : 0) + '|' + e.side() + '|' + e.amountMinor() + '|'
                    + e.currency() + '|' + e.balanceBeforeMinor() + '|' + e.balanceAfterMinor() + '|' + e.accountingDate());
        }
        SubBalances after = e.subBalancesAfter();
        return new HashInput().field(ENTRY_TAG).field(e.previousHash()).field(e.accountId()).field(e.version())
                .field(e.movement().name()).field(e.voucherNo()).field(e.legNo()).field(e.reversal() ? 1 : 0)
                .field(e.reversedEntryId()).field(e.postingType()).field(e.side().name()).field(e.amountMinor())
                .field(e.currency()).field(e.balanceBeforeMinor()).field(e.balanceAfterMinor())
                .field(after == null ? null : Long.valueOf(after.availableMinor()))
                .field(after == null ? null : Long.valueOf(after.frozenMinor()))
                .field(after == null ? null : Long.valueOf(after.inTransitMinor()))
                .field(e.accountingDate().toString()).field(e.traceId()).field(e.digest()).sha256();
    }

    /** The hash a pending summary detail should carry (its own hash is ignored). */
    public static String detailHash(PendingCredit d) {
        EntryOrigin o = d.origin();
        return new HashInput().field(DETAIL_TAG).field(d.accountId()).field(o.voucherNo()).field(o.legNo())
                .field(o.reversal() ? 1 : 0).field(o.reversedEntryId()).field(o.postingType()).field(d.side().name())
                .field(d.amountMinor()).field(d.currency()).field(o.accountingDate().toString()).field(o.traceId())
                .field(o.digest()).sha256();
    }
}
