package io.creditsuite.gateway.infrastructure.security;

import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Secrets of the partner edge ({@code credit-suite.gateway.*}). application.yml has devstack values; the
 * {@code prod} profile takes both from the environment and does not start without them.
 *
 * @param operatorToken    the {@code X-Operator-Token} of the {@code /ops/v1} endpoints (16 characters or more)
 * @param keyEncryptionKey base64 of the 32-byte AES key that encrypts the partners' secrets at rest
 */
@ConfigurationProperties("credit-suite.gateway")
public record PartnerAdminProperties(String operatorToken, String keyEncryptionKey) {
    public PartnerAdminProperties {
        // an unresolved ${ENV} placeholder binds as its own text: refuse it rather than accept it as a token
        if (operatorToken == null || operatorToken.length() < 16 || operatorToken.contains("${")) {
            throw new IllegalArgumentException("credit-suite.gateway.operator-token must be at least 16 characters");
        }
        if (keyEncryptionKey == null || Base64.getDecoder().decode(keyEncryptionKey).length != 32) {
            throw new IllegalArgumentException("credit-suite.gateway.key-encryption-key must be base64 of 32 bytes");
        }
    }

    public byte[] keyEncryptionKeyBytes() {
        return Base64.getDecoder().decode(keyEncryptionKey);
    }

    @Override
    public String toString() {
        return "PartnerAdminProperties[secrets hidden]";
    }
}
