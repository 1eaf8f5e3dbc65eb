package io.creditsuite.gateway.domain.callback;

import io.creditsuite.gateway.domain.partner.CanonicalRequest;
import io.creditsuite.gateway.domain.partner.SignaturePolicy;
import java.time.Duration;
import java.time.Instant;

/**
 * How the gateway signs a decision callback, so the partner can tell that it comes from the suite, unaltered and
 * recently sent.
 *
 * <pre>
 *   canonical = timestamp "\n" eventId "\n" hex(SHA-256(body))        timestamp: epoch seconds of the attempt
 *   signature = hex(HMAC-SHA256(UTF-8(secret), canonical))            secret: the partner's newest ACTIVE key's
 *   headers   X-CS-Event-Id: eventId, X-CS-Timestamp: timestamp, X-CS-Key-Id: keyId, X-CS-Signature: signature
 * </pre>
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@code verifies(secret, eventId, timestamp, signature, body, now) => signature = hex(HMAC-SHA256(secret,
 *       canonical(timestamp, eventId, body)))}, compared in constant time ({@code MessageDigest.isEqual}): changing one
 *       byte of the body, the event id or the timestamp makes a signature fail, and only a holder of the secret can
 *       make one</li>
 *   <li>{@code verifies(...) => |now - timestamp| <= window}: a captured callback cannot be replayed after the window;
 *       inside it the partner dedupes on the event id (every attempt of one delivery carries the same one)</li>
 *   <li>{@code canonical} is injective: the timestamp is digits only, an event id has no control character (refused
 *       here) and the hash is 64 hex digits, so two different (timestamp, eventId, body) never share a string</li>
 * </ul>
 * The partner-client module holds a copy ({@code CallbackVerifier}); a gateway test requires both to agree.
 */
public final class CallbackSignaturePolicy {
    public static final String EVENT_ID_HEADER = "X-CS-Event-Id";
    public static final String TIMESTAMP_HEADER = "X-CS-Timestamp";
    public static final String KEY_ID_HEADER = "X-CS-Key-Id";
    public static final String SIGNATURE_HEADER = "X-CS-Signature";
    /** What a partner should accept between the signed timestamp and its own clock (as the gateway does for it). */
    public static final Duration DEFAULT_WINDOW = SignaturePolicy.DEFAULT_WINDOW;

    private CallbackSignaturePolicy() {
    }

    /** The headers of one signed attempt. */
    public record SignedCallback(String eventId, long timestamp, String keyId, String signature) {
    }

    public static String canonical(long timestampEpochSeconds, String eventId, byte[] body) {
        if (timestampEpochSeconds < 0) {
            throw new IllegalArgumentException("a timestamp before 1970: " + timestampEpochSeconds);
        }
        requireEventId(eventId);
        return timestampEpochSeconds + "\n" + eventId + "\n" + CanonicalRequest.sha256Hex(body);
    }

    /** Signs one attempt made at {@code at} with the partner's key {@code keyId}. */
    public static SignedCallback sign(String keyId, String secret, String eventId, byte[] body, Instant at) {
        long timestamp = at.getEpochSecond();
        String signature = SignaturePolicy.sign(secret, canonical(timestamp, eventId, body));
        return new SignedCallback(eventId, timestamp, keyId, signature);
    }

    /**
     * What the partner runs on a callback it received: true when {@code signature} is the signature of the body and
     * headers under {@code secret} and the timestamp is within {@code window} of {@code now}.
     */
    public static boolean verifies(String secret, String eventId, String timestamp, String signature, byte[] body,
                                   Instant now, Duration window) {
        if (!isWellFormedEventId(eventId) || timestamp == null || !timestamp.matches("[0-9]{1,12}")) {
            return false;
        }
        long signedAt = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - signedAt) > window.toSeconds()) {
            return false;
        }
        return SignaturePolicy.signatureMatches(secret, canonical(signedAt, eventId, body), signature);
    }

    /** 1..128 characters, none a control character (an event id is {@code <applicationId>:<status>:<n>}). */
    public static boolean isWellFormedEventId(String eventId) {
        return eventId != null && !eventId.isEmpty() && eventId.length() <= 128
                && eventId.chars().noneMatch(Character::isISOControl);
    }

    private static void requireEventId(String eventId) {
        if (!isWellFormedEventId(eventId)) {
            throw new IllegalArgumentException("an event id must have 1..128 characters and no control character");
        }
    }
}
