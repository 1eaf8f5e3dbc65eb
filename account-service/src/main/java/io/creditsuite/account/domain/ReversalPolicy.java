package io.creditsuite.account.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Reversal (蓝抵) of a posting: new entries on the opposite sides, each linked to the entry it offsets; once.
 *
 * <p>Guarantees, for a voucher v and a reversal request r = (v, reason):
 * <pre>
 *   digest(r) = SHA-256("REVERSAL|" + v + "|" + reason)          (stored as the reversal entries' request digest)
 *   reversals(v) &lt;= 1                                             (unique (voucher, leg, reversal = 1), unique reversed entry)
 *   v reversed by r,  reverse(r)   =&gt;  the stored reversal entries, replayed, nothing written     (a retry)
 *   v reversed by r,  reverse(r'), digest(r') != digest(r)  =&gt;  ENTRY_ALREADY_REVERSED, nothing written
 *   for each entry e of v:  a reversal leg (e.account, opposite(e.side), e.amount, e.currency), offsetting e
 * </pre>
 * A reversal stored before request digests were kept (its digest is that of its legs) matches no request: a
 * retry of it is refused as before.
 */
public final class ReversalPolicy {
    private ReversalPolicy() {
    }

    public static String digest(String voucherNo, String reason) {
        return Posting.sha256("REVERSAL|" + voucherNo + "|" + (reason == null ? "" : reason));
    }

    /**
     * The voucher's reversal entries when {@code digest} already reversed it (a retry); empty when it is not
     * reversed yet.
     *
     * @throws LedgerException ENTRY_ALREADY_REVERSED when another request reversed it
     */
    public static List<JournalEntry> priorReversal(String voucherNo, List<JournalEntry> entries, String digest) {
        List<JournalEntry> reversal = entries.stream().filter(JournalEntry::reversal).toList();
        if (reversal.isEmpty()) {
            return List.of();
        }
        if (reversal.stream().allMatch(e -> digest.equals(e.digest()))) {
            return reversal;
        }
        throw new LedgerException(LedgerError.ENTRY_ALREADY_REVERSED, "voucher " + voucherNo
                + " was already reversed by another request (another reason)");
    }

    /** The offsetting posting of the voucher's original entries. */
    public static Posting offsetting(String voucherNo, List<JournalEntry> originals) {
        List<Leg> legs = new ArrayList<>(originals.size());
        for (JournalEntry e : originals) {
            legs.add(new Leg(e.accountId(), e.side().opposite(), e.amountMinor(), e.currency()));
        }
        return new Posting(voucherNo, "REVERSAL", legs);
    }
}
