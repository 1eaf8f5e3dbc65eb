package io.creditsuite.gateway.domain.partner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * What a partner POST carrying an Idempotency-Key already seen gets (IETF httpapi draft semantics, keys scoped
 * per partner).
 *
 * <p>Guarantees, for a key whose record {@code r} exists (first attempt: the insert of the claim is the decision):
 * <ul>
 *   <li>{@code r.expiresAt <= now => TAKE_OVER} (the key is new again: retention is over)</li>
 *   <li>{@code r.fingerprint != f => KEY_REUSED} (422; also while the first is running)</li>
 *   <li>{@code r.completed => REPLAY} (the stored status and body, byte for byte)</li>
 *   <li>{@code r.inProgress and now - r.claimedAt < staleAfter => IN_PROGRESS} (409)</li>
 *   <li>{@code r.inProgress and now - r.claimedAt >= staleAfter => TAKE_OVER} (the attempt that claimed it is
 *       presumed dead; downstream services dedupe by the request id derived from the key, so a slow attempt that is
 *       in fact alive cannot move money twice)</li>
 * </ul>
 * {@code f = hex(SHA-256(method "\n" path "\n" rawQuery "\n" body))}.
 */
public final class IdempotencyPolicy {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public enum Decision { REPLAY, KEY_REUSED, IN_PROGRESS, TAKE_OVER }

    private final Duration staleAfter;

    public IdempotencyPolicy(Duration staleAfter) {
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive: " + staleAfter);
        }
        this.staleAfter = staleAfter;
    }

    /** 1 to 64 printable ASCII characters (0x21..0x7e): safe to store, log and compare byte for byte. */
    public static boolean isWellFormedKey(String key) {
        return key != null && !key.isEmpty() && key.length() <= 64 && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    public static String fingerprint(String method, String path, String rawQuery, byte[] body) {
        byte[] head = (method + "\n" + path + "\n" + (rawQuery == null ? "" : rawQuery) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return CanonicalRequest.sha256Hex(all);
    }

    public Decision decide(String storedFingerprint, boolean completed, Instant claimedAt, Instant expiresAt,
                           String fingerprint, Instant now) {
        if (!expiresAt.isAfter(now)) {
            return Decision.TAKE_OVER;
        }
        if (!storedFingerprint.equals(fingerprint)) {
            return Decision.KEY_REUSED;
        }
        if (completed) {
            return Decision.REPLAY;
        }
        return Duration.between(claimedAt, now).compareTo(staleAfter) >= 0 ? Decision.TAKE_OVER : Decision.IN_PROGRESS;
    }
}
