package io.creditsuite.credit.domain.lending;

/**
 * account-service, as lending needs it. A call that cannot tell the outcome (the ledger busy or unreachable) throws
 * {@link LedgerUnavailable}: the caller retries with the same ids, which the ledger applies at most once.
 */
public interface Ledger {
    /** Opens a loan receivable account (ASSET, no overdraft, no floor, NORMAL) for {@code ownerId}; NOT idempotent. */
    long openLoanAccount(String ownerId, String currency);

    /** Posts a loan repayment, idempotent by its voucher. */
    RepayAnswer repayLoan(LoanRepayment repayment);

    /** Where the funding transfer {@code transferId} (TransOut) stands in the ledger. */
    PayoutState payout(String transferId);

    record LoanRepayment(String voucherNo, long fundingAccountId, long loanAccountId, long interestIncomeAccountId,
                         long principalMinor, long interestMinor, String currency) {
    }

    /** POSTED (also when the voucher was posted before), or REFUSED with the ledger's error ("CODE" and a message). */
    record RepayAnswer(boolean posted, String errorCode, String message) {
        public static RepayAnswer wasPosted() {
            return new RepayAnswer(true, null, null);
        }

        public static RepayAnswer refused(String errorCode, String message) {
            return new RepayAnswer(false, errorCode, message);
        }
    }

    /** NOT_FOUND: no try reached the ledger; TRIED; CONFIRMED: posted (paid out); CANCELLED: released. */
    enum PayoutState { NOT_FOUND, TRIED, CONFIRMED, CANCELLED }

    class LedgerUnavailable extends RuntimeException {
        public LedgerUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
