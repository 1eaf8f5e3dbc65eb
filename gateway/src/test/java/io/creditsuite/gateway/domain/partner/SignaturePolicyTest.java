package io.creditsuite.gateway.domain.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignaturePolicyTest {
    private static final long NOW = 1_767_225_600L;
    private static final SignaturePolicy POLICY = new SignaturePolicy(
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), Duration.ofMinutes(5));

    @Test
    void the_signature_is_hex_hmac_sha256_of_the_canonical_request() {
        // same vector as the partner client's test, computed with Python's hmac
        String canonical = "GET\n/api/v1/customers/c-1\n\n1767225600\nnonce-0001\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        assertEquals("2595673ee66d6dc56ca4f05bf43f7d3a15b5eb44db99df30e969885b634de6f1",
                SignaturePolicy.sign("cs1s_test-secret", canonical));
    }

    @Test
    void a_matching_signature_is_accepted_and_any_other_is_not() {
        String signature = SignaturePolicy.sign("secret-1", "canonical");

        assertTrue(SignaturePolicy.signatureMatches("secret-1", "canonical", signature));
        assertFalse(SignaturePolicy.signatureMatches("secret-2", "canonical", signature), "other secret");
        assertFalse(SignaturePolicy.signatureMatches("secret-1", "canonical2", signature), "other request");
        assertFalse(SignaturePolicy.signatureMatches("secret-1", "canonical", signature.toUpperCase()), "hex is lower case");
        assertFalse(SignaturePolicy.signatureMatches("secret-1", "canonical", signature.substring(1)), "too short");
        assertFalse(SignaturePolicy.signatureMatches("secret-1", "canonical", null), "missing");
    }

    @Test
    void signatures_are_compared_in_constant_time_with_message_digest_is_equal() {
        JavaClass policy = new ClassFileImporter().importClass(SignaturePolicy.class);

        assertTrue(policy.getMethodCallsFromSelf().stream().anyMatch(call ->
                call.getTargetOwner().isEquivalentTo(MessageDigest.class) && call.getName().equals("isEqual")));
        assertFalse(policy.getMethodCallsFromSelf().stream().anyMatch(call ->
                call.getTargetOwner().isEquivalentTo(String.class) && call.getName().equals("equals")),
                "String.equals stops at the first different character");
    }

    @Test
    void the_window_is_five_minutes_either_way_inclusive() {
        assertTrue(POLICY.isFresh(NOW));
        assertTrue(POLICY.isFresh(NOW - 300));
        assertTrue(POLICY.isFresh(NOW + 300));
        assertFalse(POLICY.isFresh(NOW - 301));
        assertFalse(POLICY.isFresh(NOW + 301));
        assertFalse(POLICY.isFresh(0));
    }

    @Test
    void a_nonce_is_kept_until_its_timestamp_leaves_the_window() {
        long signedAt = NOW;
        long expiresAt = POLICY.nonceExpiresAtEpochSeconds(signedAt);
        assertEquals(NOW + 300, expiresAt);
        // the purge deletes rows with expires_at < now: at expiresAt itself the nonce is still kept and still needed
        assertTrue(at(expiresAt).isFresh(signedAt));
        // from the first second it may be purged, the window refuses the timestamp on its own
        assertFalse(at(expiresAt + 1).isFresh(signedAt));
    }

    private static SignaturePolicy at(long epochSecond) {
        return new SignaturePolicy(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC), Duration.ofMinutes(5));
    }

    @Test
    void nonces_are_8_to_64_url_safe_characters() {
        assertTrue(SignaturePolicy.isWellFormedNonce("abcdEF1_"));
        assertTrue(SignaturePolicy.isWellFormedNonce("a".repeat(64)));
        assertFalse(SignaturePolicy.isWellFormedNonce("abcdEF1"), "7 characters");
        assertFalse(SignaturePolicy.isWellFormedNonce("a".repeat(65)));
        assertFalse(SignaturePolicy.isWellFormedNonce("abcd efgh"));
        assertFalse(SignaturePolicy.isWellFormedNonce("abcd=efgh"));
        assertFalse(SignaturePolicy.isWellFormedNonce(null));
    }

    @Test
    void a_window_must_be_positive() {
        assertThrows(IllegalArgumentException.class, () -> new SignaturePolicy(Clock.systemUTC(), Duration.ZERO));
    }
}
