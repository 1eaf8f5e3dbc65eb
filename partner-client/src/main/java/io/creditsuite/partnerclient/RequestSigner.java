package io.creditsuite.partnerclient;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a partner request exactly as the gateway verifies it (its {@code domain.partner.CanonicalRequest} and
 * {@code SignaturePolicy}; a gateway test signs a table of requests with both and requires equal results):
 * <pre>
 *   canonical = METHOD "\n" rawPath "\n" query "\n" timestamp "\n" nonce "\n" hex(SHA-256(body))
 *   query     = join("&amp;", sort(enc(k) "=" enc(v)))      enc = RFC 3986 percent-encoding of UTF-8
 *   signature = hex(HMAC-SHA256(UTF-8(secret), canonical))
 *   Authorization: CS1-HMAC-SHA256 keyId=K, timestamp=T, nonce=N, signature=S
 * </pre>
 */
public final class RequestSigner {
    public static final String ALGORITHM = "CS1-HMAC-SHA256";
    private static final HexFormat HEX = HexFormat.of();

    private RequestSigner() {
    }

    public static String canonicalRequest(String method, String rawPath, List<Map.Entry<String, String>> query,
                                          long timestamp, String nonce, byte[] body) {
        return method.toUpperCase(Locale.ROOT) + "\n" + rawPath + "\n" + canonicalQuery(query) + "\n" + timestamp
                + "\n" + nonce + "\n" + HEX.formatHex(sha256(body == null ? new byte[0] : body));
    }

    public static String signature(String secret, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    public static String authorization(String keyId, long timestamp, String nonce, String signature) {
        return ALGORITHM + " keyId=" + keyId + ", timestamp=" + timestamp + ", nonce=" + nonce + ", signature=" + signature;
    }

    /** The query string sent on the wire: the same encoding the canonical form uses, in the caller's order. */
    public static String queryString(List<Map.Entry<String, String>> query) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> parameter : query) {
            pairs.add(encode(parameter.getKey()) + "=" + encode(parameter.getValue() == null ? "" : parameter.getValue()));
        }
        return String.join("&", pairs);
    }

    static String canonicalQuery(List<Map.Entry<String, String>> query) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> parameter : query) {
            pairs.add(encode(parameter.getKey()) + "=" + encode(parameter.getValue() == null ? "" : parameter.getValue()));
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    static String encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.write(c);
            } else {
                out.write('%');
                out.write(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.write(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
