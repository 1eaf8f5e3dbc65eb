package io.creditsuite.api.account;

import java.io.Serializable;

/**
 * Loan repayment 还款: DEBIT repayment clearing (asset +, principal + interest), CREDIT loan
 * receivable (asset -, principal), CREDIT interest income (income +, interest). A zero interest
 * leaves the third leg out.
 */
public record LoanRepayRequest(String voucherNo, long clearingAccountId, long loanAccountId,
                               long interestIncomeAccountId, long principalMinor, long interestMinor,
                               String currency) implements Serializable {
}
