package io.creditsuite.partnerclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallbackVerifierTest {
    private static final String SECRET = "cs1s_partner-secret";
    private static final byte[] BODY = "{\"eventId\":\"APP-1:GRANTED:1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static String signed(String timestamp, String eventId, byte[] body) {
        return RequestSigner.signature(SECRET, CallbackVerifier.canonical(timestamp, eventId, body));
    }

    @Test
    void the_canonical_string_is_timestamp_event_id_and_the_body_hash_on_three_lines() {
        assertEquals("1796292000\nE-1\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                CallbackVerifier.canonical("1796292000", "E-1", new byte[0]));
    }

    @Test
    void a_callback_signed_with_the_secret_verifies_and_any_change_breaks_it() {
        String ts = Long.toString(NOW.getEpochSecond());
        String signature = signed(ts, "APP-1:GRANTED:1", BODY);

        assertTrue(CallbackVerifier.verifyCallback(SECRET, "APP-1:GRANTED:1", ts, signature, BODY, NOW,
                CallbackVerifier.DEFAULT_WINDOW));
        assertFalse(CallbackVerifier.verifyCallback("other", "APP-1:GRANTED:1", ts, signature, BODY, NOW,
                CallbackVerifier.DEFAULT_WINDOW));
        assertFalse(CallbackVerifier.verifyCallback(SECRET, "APP-1:GRANTED:2", ts, signature, BODY, NOW,
                CallbackVerifier.DEFAULT_WINDOW));
        assertFalse(CallbackVerifier.verifyCallback(SECRET, "APP-1:GRANTED:1", ts, signature,
                "{\"eventId\":\"APP-1:GRANTED:1\" }".getBytes(StandardCharsets.UTF_8), NOW, CallbackVerifier.DEFAULT_WINDOW));
        assertFalse(CallbackVerifier.verifyCallback(SECRET, "APP-1:GRANTED:1", ts, signature, BODY,
                NOW.plus(Duration.ofMinutes(5)).plusSeconds(1), CallbackVerifier.DEFAULT_WINDOW), "stale");
        assertFalse(CallbackVerifier.verifyCallback(SECRET, "APP-1:GRANTED:1", "-1", signature, BODY, NOW,
                CallbackVerifier.DEFAULT_WINDOW));
    }
}
