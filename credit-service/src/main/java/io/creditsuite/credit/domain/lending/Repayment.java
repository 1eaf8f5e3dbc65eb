package io.creditsuite.credit.domain.lending;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A repayment (还款) of a loan: principal back to the partner's funding account, interest to its income account.
 *
 * <p>Guarantees: {@code principal > 0}, {@code interest >= 0}; it moves PENDING -> DONE or PENDING -> FAILED, once;
 * the ledger's posting is voucher {@code voucherNo} (idempotent there), the credit return is request
 * {@link #returnRequestId()} (idempotent here), so a repayment is applied exactly once however often it is retried.
 *
 * @param failure the ledger's refusal ("CODE: message") when FAILED, else null
 */
public record Repayment(String repaymentId, PartnerRequest origin, String loanId, int seq, RepaymentAmounts amounts,
                        String payerAccount, String voucherNo, RepaymentState status, String failure,
                        Instant createdAt, Instant settledAt) {

    /** Principal and interest, in the loan's currency. */
    public record RepaymentAmounts(long principalMinor, long interestMinor, String currency) {
        public RepaymentAmounts {
            if (principalMinor <= 0 || interestMinor < 0) {
                throw new LendingRejection(LendingRejection.Reason.AMOUNT_INVALID, "a repayment needs principal > 0"
                        + " and interest >= 0, got " + principalMinor + " and " + interestMinor);
            }
            try {
                Math.addExact(principalMinor, interestMinor);
            } catch (ArithmeticException e) {
                throw new LendingRejection(LendingRejection.Reason.AMOUNT_INVALID, "principal + interest overflows");
            }
        }
    }

    public Repayment {
        Objects.requireNonNull(repaymentId, "repaymentId");
        Objects.requireNonNull(amounts, "amounts");
        Objects.requireNonNull(status, "status");
    }

    public static Repayment pending(String repaymentId, PartnerRequest origin, String loanId, int seq,
                                    RepaymentAmounts amounts, String payerAccount, Instant at) {
        return new Repayment(repaymentId, origin, loanId, seq, amounts, payerAccount, voucherOf(loanId, seq),
                RepaymentState.PENDING, null, at.truncatedTo(ChronoUnit.MILLIS), null);
    }

    /** The ledger voucher: {@code LOAN-<loanId>-R-<seq>} (the ledger's caller vouchers are [A-Za-z0-9._:-]{1,64}). */
    public static String voucherOf(String loanId, int seq) {
        return "LOAN-" + loanId + "-R-" + seq;
    }

    /** The credit return's request id, in the derived namespace (':' is not a caller's character). */
    public String returnRequestId() {
        return "repay:" + repaymentId;
    }

    public long principalMinor() {
        return amounts.principalMinor();
    }

    public Repayment done(Instant at) {
        requirePending();
        return new Repayment(repaymentId, origin, loanId, seq, amounts, payerAccount, voucherNo, RepaymentState.DONE,
                null, createdAt, at.truncatedTo(ChronoUnit.MILLIS));
    }

    public Repayment failed(String why, Instant at) {
        requirePending();
        return new Repayment(repaymentId, origin, loanId, seq, amounts, payerAccount, voucherNo, RepaymentState.FAILED,
                Objects.requireNonNull(why, "why"), createdAt, at.truncatedTo(ChronoUnit.MILLIS));
    }

    private void requirePending() {
        if (status != RepaymentState.PENDING) {
            throw new IllegalStateException("repayment " + repaymentId + " is " + status + " already");
        }
    }
}
