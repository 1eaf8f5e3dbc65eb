package io.creditsuite.account.domain;

import java.time.Instant;

/**
 * A buffered posting (缓冲记账) that was accepted into the queue and refused when applied: the final answer for
 * its voucher. Its caller heard ACCEPTED, so the refusal is kept, and from then on a query or a retry of the
 * voucher gets it.
 *
 * <p>Guarantees:
 * <pre>
 *   refusals(v) &lt;= 1,   refusals(v) = 1  =&gt;  entries(v) = 0 and pending(v) = 0
 *   within one applied batch, the first copy of v decides: later copies of v are not applied (they get its answer)
 *   a refusal is kept only for an error that is v's answer: VOUCHER_REUSED answers another body, not v
 *   v has a refusal  =&gt;  no later copy of v is applied, not even a retry queued before the refusal was kept
 *   a retry with the same digest gets the refusal again; another digest is VOUCHER_REUSED
 * </pre>
 */
public record BufferedRefusal(String voucherNo, String digest, LedgerError error, String message, Instant refusedAt) {

    /** Whether a refusal with {@code error} is the voucher's answer (VOUCHER_REUSED is the other body's, not its). */
    public static boolean answersVoucher(LedgerError error) {
        return error != LedgerError.VOUCHER_REUSED;
    }

    /** The answer to a retry of the voucher with {@code retryDigest}: the refusal again, or VOUCHER_REUSED. */
    public LedgerException answerTo(String retryDigest) {
        if (!digest.equals(retryDigest)) {
            return new LedgerException(LedgerError.VOUCHER_REUSED, "voucher " + voucherNo
                    + " was already used with a different body");
        }
        return asRefusal();
    }

    /** The refusal as it was raised when the posting was applied. */
    public LedgerException asRefusal() {
        return new LedgerException(error, "buffered posting " + voucherNo + " was accepted but refused when applied at "
                + refusedAt + ": " + message);
    }
}
