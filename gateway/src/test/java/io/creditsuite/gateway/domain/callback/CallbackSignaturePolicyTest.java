package io.creditsuite.gateway.domain.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.creditsuite.gateway.domain.callback.CallbackSignaturePolicy.SignedCallback;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallbackSignaturePolicyTest {
    private static final String SECRET = "cs1s_partner-secret";
    private static final String EVENT = "APP-7:GRANTED:1";
    private static final byte[] BODY = "{\"eventId\":\"APP-7:GRANTED:1\",\"status\":\"GRANTED\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Instant AT = Instant.parse("2026-12-03T10:00:00.900Z");
    private static final Duration WINDOW = CallbackSignaturePolicy.DEFAULT_WINDOW;

    private static boolean verifies(SignedCallback s, String eventId, byte[] body, Instant now) {
        return CallbackSignaturePolicy.verifies(SECRET, eventId, Long.toString(s.timestamp()), s.signature(), body, now,
                WINDOW);
    }

    @Test
    void the_canonical_string_is_the_timestamp_the_event_id_and_the_body_hash() {
        assertEquals("1796292000\nE-1\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                CallbackSignaturePolicy.canonical(1796292000L, "E-1", new byte[0]));
    }

    @Test
    void a_signed_callback_verifies_with_the_partners_secret_and_names_its_key_and_second() {
        SignedCallback signed = CallbackSignaturePolicy.sign("ck_1", SECRET, EVENT, BODY, AT);

        assertEquals("ck_1", signed.keyId());
        assertEquals(EVENT, signed.eventId());
        assertEquals(AT.getEpochSecond(), signed.timestamp());
        assertTrue(signed.signature().matches("[0-9a-f]{64}"));
        assertTrue(verifies(signed, EVENT, BODY, AT));
    }

    @Test
    void another_secret_event_id_body_or_timestamp_does_not_verify() {
        SignedCallback signed = CallbackSignaturePolicy.sign("ck_1", SECRET, EVENT, BODY, AT);
        byte[] altered = BODY.clone();
        altered[altered.length - 2] ^= 1;

        assertFalse(CallbackSignaturePolicy.verifies("cs1s_other", EVENT, Long.toString(signed.timestamp()),
                signed.signature(), BODY, AT, WINDOW));
        assertFalse(verifies(signed, "APP-7:GRANTED:2", BODY, AT));
        assertFalse(verifies(signed, EVENT, altered, AT));
        assertFalse(CallbackSignaturePolicy.verifies(SECRET, EVENT, Long.toString(signed.timestamp() + 1),
                signed.signature(), BODY, AT, WINDOW));
        assertFalse(CallbackSignaturePolicy.verifies(SECRET, EVENT, "abc", signed.signature(), BODY, AT, WINDOW));
        assertFalse(CallbackSignaturePolicy.verifies(SECRET, EVENT, Long.toString(signed.timestamp()),
                signed.signature().toUpperCase(), BODY, AT, WINDOW));
    }

    @Test
    void a_callback_is_fresh_for_the_window_either_way_and_stale_after_it() {
        SignedCallback signed = CallbackSignaturePolicy.sign("ck_1", SECRET, EVENT, BODY, AT);
        Instant signedSecond = Instant.ofEpochSecond(signed.timestamp());

        assertTrue(verifies(signed, EVENT, BODY, signedSecond.plus(WINDOW)));
        assertTrue(verifies(signed, EVENT, BODY, signedSecond.minus(WINDOW)));
        assertFalse(verifies(signed, EVENT, BODY, signedSecond.plus(WINDOW).plusSeconds(1)));
        assertFalse(verifies(signed, EVENT, BODY, signedSecond.minus(WINDOW).minusSeconds(1)));
    }

    @Test
    void an_event_id_with_a_line_break_cannot_be_signed_so_the_canonical_string_stays_unambiguous() {
        assertThrows(IllegalArgumentException.class, () -> CallbackSignaturePolicy.sign("ck_1", SECRET, "E\n1", BODY, AT));
        assertThrows(IllegalArgumentException.class, () -> CallbackSignaturePolicy.sign("ck_1", SECRET, "", BODY, AT));
        assertFalse(CallbackSignaturePolicy.isWellFormedEventId("x".repeat(129)));
        assertTrue(CallbackSignaturePolicy.isWellFormedEventId("x".repeat(128)));
    }
}
