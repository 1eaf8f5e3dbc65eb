package io.creditsuite.gateway.infrastructure.security;

import io.creditsuite.gateway.domain.partner.PartnerScope;
import java.util.Set;

/** An ACTIVE key of an ACTIVE partner, with its secret decrypted for one verification. Never logged. */
public record SigningKey(String keyId, String partnerId, String secret, Set<PartnerScope> scopes) {
    public SigningKey {
        scopes = Set.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "SigningKey[keyId=" + keyId + ", partnerId=" + partnerId + ", scopes=" + scopes + "]";
    }
}
