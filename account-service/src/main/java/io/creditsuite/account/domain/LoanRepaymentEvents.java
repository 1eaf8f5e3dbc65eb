package io.creditsuite.account.domain;

import java.time.LocalDate;

/**
 * Port: a loan repayment's posting was written, told inside the writer's transaction, so that
 * {@code posting committed <=> event published} (docs/events.md, LEDGER_LOAN_REPAID). A replayed voucher tells
 * nothing; neither does a reversal.
 */
public interface LoanRepaymentEvents {
    void repaid(LoanRepayment repayment, LocalDate accountingDate, String traceId);
}
