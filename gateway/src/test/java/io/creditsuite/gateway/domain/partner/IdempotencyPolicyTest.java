package io.creditsuite.gateway.domain.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.creditsuite.gateway.domain.partner.IdempotencyPolicy.Decision;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdempotencyPolicyTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofHours(24));
    private final IdempotencyPolicy policy = new IdempotencyPolicy(Duration.ofMinutes(2));

    @Test
    void the_same_request_after_completion_is_replayed() {
        assertEquals(Decision.REPLAY, policy.decide("f1", true, NOW.minusSeconds(10), LATER, "f1", NOW));
    }

    @Test
    void another_request_under_the_same_key_is_refused_whether_or_not_the_first_is_done() {
        assertEquals(Decision.KEY_REUSED, policy.decide("f1", true, NOW.minusSeconds(10), LATER, "f2", NOW));
        assertEquals(Decision.KEY_REUSED, policy.decide("f1", false, NOW.minusSeconds(10), LATER, "f2", NOW));
    }

    @Test
    void the_same_request_while_the_first_runs_is_in_progress_until_the_claim_is_stale() {
        assertEquals(Decision.IN_PROGRESS, policy.decide("f1", false, NOW.minusSeconds(119), LATER, "f1", NOW));
        assertEquals(Decision.TAKE_OVER, policy.decide("f1", false, NOW.minusSeconds(120), LATER, "f1", NOW));
    }

    @Test
    void after_retention_the_key_is_new_again() {
        assertEquals(Decision.TAKE_OVER, policy.decide("f1", true, NOW.minusSeconds(10), NOW, "f2", NOW));
    }

    @Test
    void keys_are_1_to_64_printable_ascii_characters() {
        assertTrue(IdempotencyPolicy.isWellFormedKey("a"));
        assertTrue(IdempotencyPolicy.isWellFormedKey("~".repeat(64)));
        assertTrue(IdempotencyPolicy.isWellFormedKey("order:42/retry#1"));
        assertFalse(IdempotencyPolicy.isWellFormedKey(""));
        assertFalse(IdempotencyPolicy.isWellFormedKey(null));
        assertFalse(IdempotencyPolicy.isWellFormedKey("a".repeat(65)));
        assertFalse(IdempotencyPolicy.isWellFormedKey("with space"));
        assertFalse(IdempotencyPolicy.isWellFormedKey("é"));
    }

    @Test
    void the_fingerprint_covers_method_path_query_and_body() {
        String base = IdempotencyPolicy.fingerprint("POST", "/api/v1/loans", null, "{}".getBytes());

        assertEquals(base, IdempotencyPolicy.fingerprint("POST", "/api/v1/loans", "", "{}".getBytes()));
        assertNotEquals(base, IdempotencyPolicy.fingerprint("POST", "/api/v1/holds", null, "{}".getBytes()));
        assertNotEquals(base, IdempotencyPolicy.fingerprint("POST", "/api/v1/loans", "a=1", "{}".getBytes()));
        assertNotEquals(base, IdempotencyPolicy.fingerprint("POST", "/api/v1/loans", null, "{ }".getBytes()));
    }
}
