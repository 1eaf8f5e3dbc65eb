package io.creditsuite.gateway.domain.partner;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parts of an {@code Authorization: CS1-HMAC-SHA256 keyId=..., timestamp=..., nonce=..., signature=...} header.
 * Parsing is strict: each of the four parts exactly once, nothing else, so two readers cannot disagree on what
 * was signed.
 */
public record SignedAuthorization(String keyId, long timestampEpochSeconds, String nonce, String signature) {
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");

    /** The header's parts, or empty when it is missing, of another scheme, or malformed. */
    public static Optional<SignedAuthorization> parse(String header) {
        if (header == null || !header.startsWith(SignaturePolicy.ALGORITHM + " ")) {
            return Optional.empty();
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : header.substring(SignaturePolicy.ALGORITHM.length() + 1).split(",")) {
            String trimmed = part.trim();
            int equals = trimmed.indexOf('=');
            if (equals <= 0 || parts.put(trimmed.substring(0, equals), trimmed.substring(equals + 1)) != null) {
                return Optional.empty();
            }
        }
        String keyId = parts.get("keyId");
        String timestamp = parts.get("timestamp");
        String nonce = parts.get("nonce");
        String signature = parts.get("signature");
        if (parts.size() != 4 || keyId == null || timestamp == null || nonce == null || signature == null
                || !KEY_ID.matcher(keyId).matches() || !TIMESTAMP.matcher(timestamp).matches()
                || !SignaturePolicy.isWellFormedNonce(nonce) || signature.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SignedAuthorization(keyId, Long.parseLong(timestamp), nonce, signature));
    }

    /** The header value a client sends. */
    public String toHeader() {
        return SignaturePolicy.ALGORITHM + " keyId=" + keyId + ", timestamp=" + timestampEpochSeconds
                + ", nonce=" + nonce + ", signature=" + signature;
    }
}
