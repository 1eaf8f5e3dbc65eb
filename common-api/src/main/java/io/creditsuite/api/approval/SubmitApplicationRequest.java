package io.creditsuite.api.approval;

import io.creditsuite.api.credit.LimitType;
import java.io.Serializable;
import java.util.List;

/**
 * A credit application. Idempotent by {@code (partnerId, partnerApplicationId)}: the same pair with the same body
 * returns the application already made; with a different body it is REQUEST_ID_REUSED.
 *
 * @param partnerId            the submitting partner (internal callers use their service name, e.g. "internal")
 * @param partnerApplicationId the caller's own id of this application
 * @param customerId           the credit customer (already onboarded in credit-service, owned by the partner)
 * @param limitType            the limit type of the line requested
 * @param currency             ISO 4217
 * @param requestedMinor       the limit requested, minor units, &gt; 0
 * @param termMonths           the line's term in months, 1..360
 * @param productIds           the products (leaf business types) the line is for, at least one
 * @param productLine          the product line, e.g. "CONSUMER", "DEALER"; reviewers see only their product lines
 * @param callbackUrl          https URL the partner is told the decision at (signed callback), or null to poll
 */
public record SubmitApplicationRequest(String partnerId, String partnerApplicationId, String customerId,
                                       ApplicantFacts applicant, LimitType limitType, String currency,
                                       long requestedMinor, int termMonths, List<String> productIds,
                                       String productLine, String callbackUrl) implements Serializable {
}
