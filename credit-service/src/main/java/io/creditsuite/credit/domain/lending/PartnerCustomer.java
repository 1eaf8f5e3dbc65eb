package io.creditsuite.credit.domain.lending;

import java.time.Instant;

/**
 * A partner's customer: a credit customer ({@code customerId}, assigned by the suite) owned by {@code partnerId},
 * known to the partner as {@code partnerCustomerRef} (unique per partner).
 *
 * @param bodyHash      the hash of the onboarding body: the same reference with another body is a reuse
 * @param loanAccountId the customer's loan receivable account in the ledger (ASSET); null until it is opened
 */
public record PartnerCustomer(String customerId, String partnerId, String partnerCustomerRef, String name,
                              String department, String bodyHash, Long loanAccountId, Instant onboardedAt) {

    public boolean hasLoanAccount() {
        return loanAccountId != null;
    }

    public boolean ownedBy(String partner) {
        return partnerId.equals(partner);
    }
}
