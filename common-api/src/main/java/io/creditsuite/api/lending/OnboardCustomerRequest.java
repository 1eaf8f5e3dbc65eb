package io.creditsuite.api.lending;

import java.io.Serializable;

/**
 * @param partnerCustomerRef the partner's own reference of the customer (at most 64 characters), unique per partner
 * @param department         may be null
 */
public record OnboardCustomerRequest(String requestId, String partnerId, String partnerCustomerRef, String name,
                                     String department) implements Serializable {
}
