package io.creditsuite.account.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The unambiguous encoding of a hash's fields: each field is {@code <byte length>:<UTF-8 bytes>}, a null is
 * {@code -}. It is a prefix code (a field starts with a digit or is "-", and its length says where it ends), so two
 * different field lists never produce the same bytes: ("1", "23") is {@code 1:12:23}, ("12", "3") is {@code 2:121:3}.
 */
final class HashInput {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private final StringBuilder text = new StringBuilder(512);

    HashInput field(String value) {
        if (value == null) {
            text.append('-');
        } else {
            text.append(utf8Length(value)).append(':').append(value);
        }
        return this;
    }

    HashInput field(long value) {
        return field(Long.toString(value));
    }

    HashInput field(Long value) {
        return field(value == null ? null : value.toString());
    }

    /** The encoded text (what is hashed, as UTF-8). */
    String encoded() {
        return text.toString();
    }

    /** SHA-256 of the encoded fields, hex. */
    String sha256() {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(encoded().getBytes(StandardCharsets.UTF_8)));
    }

    private static int utf8Length(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return value.getBytes(StandardCharsets.UTF_8).length; // the bytes hashed, whatever the characters
            }
        }
        return value.length();
    }
}
