package io.creditsuite.gateway.domain.partner;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * When a signed partner request is authentic and fresh.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@code accepted => MessageDigest.isEqual(hex(HMAC-SHA256(secret, canonical)), signature)}: the comparison
 *       takes the same time whatever prefix matches, so timing does not leak the expected signature</li>
 *   <li>{@code accepted => |now - timestamp| <= window} (5 minutes), {@code now} from the injected clock</li>
 *   <li>{@code accepted => nonce matches [A-Za-z0-9_-]{8,64}}; the nonce store then refuses a second
 *       {@code (keyId, nonce)}, so {@code accepted(r1) and accepted(r2) and r1 != r2 => (keyId, nonce)(r1) != (keyId, nonce)(r2)}.
 *       A nonce is kept at least until {@code timestamp + window}, after which the window alone refuses it.</li>
 * </ul>
 * The canonical request is {@link CanonicalRequest}; the secret is the UTF-8 bytes of the partner's secret.
 */
public final class SignaturePolicy {
    public static final String ALGORITHM = "CS1-HMAC-SHA256";
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private final Clock clock;
    private final Duration window;

    public SignaturePolicy(Clock clock, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the window must be positive: " + window);
        }
        this.clock = clock;
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /** hex(HMAC-SHA256(secret, canonical)), lower case. */
    public static String sign(String secret, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Whether {@code presented} is the signature of {@code canonical} under {@code secret}, compared in constant time. */
    public static boolean signatureMatches(String secret, String canonical, String presented) {
        if (presented == null || !SIGNATURE.matcher(presented).matches()) {
            return false;
        }
        byte[] expected = sign(secret, canonical).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code |now - timestamp| <= window}. */
    public boolean isFresh(long timestampEpochSeconds) {
        long now = clock.instant().getEpochSecond();
        return Math.abs(now - timestampEpochSeconds) <= window.toSeconds();
    }

    /** The time after which a nonce signed at {@code timestamp} can be forgotten: the window refuses it from then on. */
    public long nonceExpiresAtEpochSeconds(long timestampEpochSeconds) {
        return timestampEpochSeconds + window.toSeconds();
    }

    public static boolean isWellFormedNonce(String nonce) {
        return nonce != null && NONCE.matcher(nonce).matches();
    }
}
