package io.creditsuite.api.lending;

import java.io.Serializable;

/** @param voucherNo the ledger voucher of the repayment posting */
public record RepaymentView(String repaymentId, String loanId, long principalMinor, long interestMinor,
                            String currency, String payerAccount, String voucherNo, long repaidAtEpochMillis)
        implements Serializable {
}
