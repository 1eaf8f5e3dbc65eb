package io.creditsuite.api.lending;

import java.io.Serializable;

/** @param loanAccountId the customer's loan receivable account in the ledger (ASSET) */
public record CustomerView(String customerId, String partnerId, String partnerCustomerRef, String name,
                           String currency, long loanAccountId, long onboardedAtEpochMillis) implements Serializable {
}
