package io.creditsuite.account.domain;

import java.time.Instant;

/**
 * A buffered posting (缓冲记账) that was accepted into the queue and refused when applied: the final answer for
 * its voucher. Its caller heard ACCEPTED, so the refusal is kept, and from then on a query or a retry of the
 * voucher gets it.
 *
 * <p>Guarantees: a voucher has at most one refusal, and never both a refusal and journal entries (it is written
 * only when the apply wrote nothing, and a voucher with a refusal is never applied again, not even a retry that
 * was queued before the refusal was kept); a retry with the same digest gets the refusal again, another digest is
 * VOUCHER_REUSED.
 */
public record BufferedRefusal(String voucherNo, String digest, LedgerError error, String message, Instant refusedAt) {

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
