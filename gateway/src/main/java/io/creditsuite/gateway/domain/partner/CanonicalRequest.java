package io.creditsuite.gateway.domain.partner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bytes a partner signs: one request reduced to a string that both sides build the same way.
 * <pre>
 *   canonical = METHOD "\n" path "\n" query "\n" timestamp "\n" nonce "\n" hex(SHA-256(body))
 *   query     = join("&amp;", sort(enc(k) "=" enc(v) for every parameter, empty values included))
 *   enc       = RFC 3986 percent-encoding: A-Z a-z 0-9 - . _ ~ kept, every other UTF-8 byte %XX (upper case)
 * </pre>
 * {@code path} is the raw (still percent-encoded) path as it travels on the wire; the query is decoded
 * first ({@code +} is a space, as the servlet container reads it) and encoded again, so two spellings
 * of the same parameters sign alike and the controller sees what was signed. The body is the raw bytes,
 * never a re-serialised JSON (the trap WeChat Pay's SDKs fell into).
 *
 * <p>The partner-client module holds a copy of this algorithm; a gateway test signs a table of requests
 * with both and requires equal signatures.
 */
public final class CanonicalRequest {
    private static final HexFormat HEX = HexFormat.of();

    private CanonicalRequest() {
    }

    /** The canonical request from the raw query string as received ({@code a=1&b=x%20y}, or null). */
    public static String of(String method, String rawPath, String rawQuery, long timestamp, String nonce, byte[] body) {
        return of(method, rawPath, parseQuery(rawQuery), timestamp, nonce, body);
    }

    /** The canonical request from decoded query parameters (name, value pairs, in any order). */
    public static String of(String method, String rawPath, List<Map.Entry<String, String>> query, long timestamp,
                            String nonce, byte[] body) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        return method.toUpperCase(java.util.Locale.ROOT) + "\n" + rawPath + "\n" + canonicalQuery(query) + "\n"
                + timestamp + "\n" + nonce + "\n" + sha256Hex(body == null ? new byte[0] : body);
    }

    static String canonicalQuery(List<Map.Entry<String, String>> query) {
        List<String> pairs = new ArrayList<>(query.size());
        for (Map.Entry<String, String> parameter : query) {
            pairs.add(encode(parameter.getKey()) + "=" + encode(parameter.getValue() == null ? "" : parameter.getValue()));
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    /** Decodes a raw query string into (name, value) pairs; a malformed escape is an {@link IllegalArgumentException}. */
    public static List<Map.Entry<String, String>> parseQuery(String rawQuery) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.add(Map.entry(decode(name), decode(value)));
        }
        return pairs;
    }

    /** RFC 3986 percent-encoding of the UTF-8 bytes of {@code text}. */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("truncated percent escape in the query");
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("malformed percent escape in the query");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                int codePoint = text.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256(bytes));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
