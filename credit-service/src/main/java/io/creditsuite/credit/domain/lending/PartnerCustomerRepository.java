package io.creditsuite.credit.domain.lending;

import java.util.Optional;

public interface PartnerCustomerRepository {
    /** false when the partner's reference is taken already (unique key (partner, reference)). */
    boolean insert(PartnerCustomer customer);

    Optional<PartnerCustomer> byId(String customerId);

    Optional<PartnerCustomer> byReference(String partnerId, String partnerCustomerRef);

    /** Sets the loan account if none is set yet; false when one was set already (by a concurrent onboarding). */
    boolean attachLoanAccount(String customerId, long loanAccountId);
}
