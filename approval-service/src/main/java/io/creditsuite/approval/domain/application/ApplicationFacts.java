package io.creditsuite.approval.domain.application;

import java.util.List;
import java.util.Objects;

/**
 * What an application asks for and who asks; fixed at intake. Money in minor units of {@code currency}.
 *
 * @param regionPath  the applicant's region in the organisation's region tree, e.g. "/CN/EAST/SH" (data scope)
 * @param productLine the product line the application belongs to (data scope), e.g. "DEALER"
 */
public record ApplicationFacts(String applicationId, String partnerId, String partnerApplicationId, String customerId,
                               String regionPath, String productLine, String currency, long requestedMinor,
                               int termMonths, List<String> productIds) {
    public ApplicationFacts {
        Objects.requireNonNull(applicationId);
        Objects.requireNonNull(partnerId);
        Objects.requireNonNull(partnerApplicationId);
        if (requestedMinor <= 0) {
            throw new IllegalArgumentException("requested amount must be positive: " + requestedMinor);
        }
        productIds = List.copyOf(productIds);
    }
}
