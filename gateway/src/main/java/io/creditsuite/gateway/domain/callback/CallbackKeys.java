package io.creditsuite.gateway.domain.callback;

import java.util.Optional;

/** The key a partner's callbacks are signed with: its newest ACTIVE key, while the partner is ACTIVE. */
public interface CallbackKeys {
    Optional<PartnerSecret> signingKeyOf(String partnerId);

    /** A key id and its decrypted secret, for one signature. Never logged. */
    record PartnerSecret(String keyId, String secret) {
        @Override
        public String toString() {
            return "PartnerSecret[keyId=" + keyId + "]";
        }
    }
}
