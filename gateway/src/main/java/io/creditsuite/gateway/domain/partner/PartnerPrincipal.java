package io.creditsuite.gateway.domain.partner;

import java.util.Set;

/**
 * The partner a request was signed by, once its signature, timestamp, nonce and scope were checked. The signature
 * filter stores it as the request attribute {@link #ATTRIBUTE}; controllers pass {@code partnerId} downstream so
 * every service scopes the request to that partner.
 */
public record PartnerPrincipal(String partnerId, String keyId, Set<PartnerScope> scopes) {
    public static final String ATTRIBUTE = "creditsuite.partner";

    public PartnerPrincipal {
        scopes = Set.copyOf(scopes);
    }
}
