package io.creditsuite.api.lending;

import java.io.Serializable;

/** @param payerAccount the account the payer paid from (recorded); at most 64 characters */
public record RepaymentRequest(String requestId, String partnerId, String loanId, long principalMinor,
                               long interestMinor, String currency, String payerAccount) implements Serializable {
}
