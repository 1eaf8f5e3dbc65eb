package io.creditsuite.account.domain;

/**
 * The voucher namespace the ledger keeps for itself (TCC confirms and their try / cancel records, collections),
 * apart from callers' vouchers.
 *
 * <p>Guarantees:
 * <pre>
 *   caller voucher  v  matches [A-Za-z0-9._:-]{1,64}            ({@link Posting#requireVoucher})
 *   derived voucher d  = '#' + body,  |d| &lt;= 64
 *   '#' is not in the caller alphabet  =&gt;  { caller vouchers } ∩ { derived vouchers } = ∅
 * </pre>
 * So no caller can post (or reverse) a voucher the ledger will derive later, and a derived posting can never
 * collide with a caller's on the journal's unique voucher key.
 */
public final class DerivedVoucher {
    /** The first character of every derived voucher; the caller voucher pattern refuses it. */
    public static final char PREFIX = '#';

    private DerivedVoucher() {
    }

    /** The voucher of a TCC transfer branch's confirm. */
    public static String ofTransfer(String transferId, Transfer.Direction direction) {
        return PREFIX + "TCC-" + transferId + "-" + direction;
    }

    /**
     * The voucher of the chained records of a TCC branch's try or cancel ({@code phase} TRY or CANCEL): the
     * direction stays second to last, so no (transfer id, direction) pair can produce another pair's voucher.
     */
    public static String ofTransferPhase(String transferId, Transfer.Direction direction, String phase) {
        return ofTransfer(transferId, direction) + "-" + phase;
    }

    public static boolean isDerived(String voucherNo) {
        return voucherNo != null && !voucherNo.isEmpty() && voucherNo.charAt(0) == PREFIX;
    }

    /** The voucher of a collection (归集) the ledger starts on its own. */
    public static String ofCollection(long needyAccountId, String unique) {
        return PREFIX + "COLLECT-" + needyAccountId + "-" + unique;
    }

    /** A voucher the ledger may hold or a query may name: a caller's or a derived one. */
    public static void requireLedgerVoucher(String voucherNo) {
        if (isDerived(voucherNo) && voucherNo.length() <= 64
                && voucherNo.substring(1).matches("[A-Za-z0-9._:-]{1,63}")) {
            return;
        }
        Posting.requireVoucher(voucherNo);
    }
}
