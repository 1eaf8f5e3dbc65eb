package io.creditsuite.partnerclient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Checks a decision callback the gateway POSTed to the partner (gateway README, "Decision callbacks"; the gateway's
 * {@code domain.callback.CallbackSignaturePolicy}, which a gateway test requires this copy to agree with):
 * <pre>
 *   canonical = X-CS-Timestamp "\n" X-CS-Event-Id "\n" hex(SHA-256(raw body))
 *   X-CS-Signature = hex(HMAC-SHA256(UTF-8(secret of X-CS-Key-Id), canonical))
 * </pre>
 * Verify over the raw bytes received (never a re-serialised JSON), then dedupe on the event id: a callback is sent at
 * least once, and every attempt of one carries the same {@code X-CS-Event-Id}.
 */
public final class CallbackVerifier {
    public static final String EVENT_ID_HEADER = "X-CS-Event-Id";
    public static final String TIMESTAMP_HEADER = "X-CS-Timestamp";
    public static final String KEY_ID_HEADER = "X-CS-Key-Id";
    public static final String SIGNATURE_HEADER = "X-CS-Signature";
    /** The window the gateway itself applies to partner requests. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    private static final HexFormat HEX = HexFormat.of();

    private CallbackVerifier() {
    }

    public static String canonical(String timestamp, String eventId, byte[] body) {
        return timestamp + "\n" + eventId + "\n" + HEX.formatHex(RequestSigner.sha256(body == null ? new byte[0] : body));
    }

    /**
     * True when {@code signature} signs the body and headers under {@code secret} (compared in constant time) and
     * {@code timestamp} is within {@code window} of {@code now}.
     */
    public static boolean verifyCallback(String secret, String eventId, String timestamp, String signature,
                                         byte[] body, Instant now, Duration window) {
        if (eventId == null || eventId.isEmpty() || eventId.chars().anyMatch(Character::isISOControl)
                || timestamp == null || !timestamp.matches("[0-9]{1,12}") || signature == null) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) > window.toSeconds()) {
            return false;
        }
        byte[] expected = RequestSigner.signature(secret, canonical(timestamp, eventId, body))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
