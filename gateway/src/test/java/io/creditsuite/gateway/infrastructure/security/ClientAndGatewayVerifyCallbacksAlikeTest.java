package io.creditsuite.gateway.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.creditsuite.gateway.domain.callback.CallbackSignaturePolicy;
import io.creditsuite.gateway.domain.callback.CallbackSignaturePolicy.SignedCallback;
import io.creditsuite.partnerclient.CallbackVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the gateway signs as a callback, the partner client's {@code verifyCallback} accepts: one canonical string. */
class ClientAndGatewayVerifyCallbacksAlikeTest {
    private static final String SECRET = "cs1s_shared-secret";

    @Test
    void the_client_verifies_every_callback_the_gateway_signs_and_builds_the_same_canonical_string() {
        Random random = new Random(7);
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        for (int i = 0; i < 300; i++) {
            String eventId = "APP-" + random.nextInt(1_000_000) + ":GRANTED:" + (1 + random.nextInt(3));
            byte[] body = ("{\"eventId\":\"" + eventId + "\",\"note\":\"" + randomText(random) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            Instant when = at.plusSeconds(random.nextInt(100_000));
            SignedCallback signed = CallbackSignaturePolicy.sign("ck_1", SECRET, eventId, body, when);

            assertEquals(CallbackSignaturePolicy.canonical(signed.timestamp(), eventId, body),
                    CallbackVerifier.canonical(Long.toString(signed.timestamp()), eventId, body));
            assertTrue(CallbackVerifier.verifyCallback(SECRET, eventId, Long.toString(signed.timestamp()),
                    signed.signature(), body, when, CallbackVerifier.DEFAULT_WINDOW), eventId);
        }
        assertEquals(CallbackSignaturePolicy.EVENT_ID_HEADER, CallbackVerifier.EVENT_ID_HEADER);
        assertEquals(CallbackSignaturePolicy.TIMESTAMP_HEADER, CallbackVerifier.TIMESTAMP_HEADER);
        assertEquals(CallbackSignaturePolicy.KEY_ID_HEADER, CallbackVerifier.KEY_ID_HEADER);
        assertEquals(CallbackSignaturePolicy.SIGNATURE_HEADER, CallbackVerifier.SIGNATURE_HEADER);
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(20); i > 0; i--) {
            text.appendCodePoint(random.nextBoolean() ? 'a' + random.nextInt(26) : 0x4e00 + random.nextInt(100));
        }
        return text.toString();
    }
}
