package io.creditsuite.gateway.domain.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignedAuthorizationTest {
    private static final String SIG = "a".repeat(64);

    @Test
    void a_well_formed_header_gives_its_four_parts_in_any_order() {
        SignedAuthorization auth = SignedAuthorization.parse("CS1-HMAC-SHA256 nonce=nonce-0001, keyId=ck_1,"
                + " signature=" + SIG + ", timestamp=1767225600").orElseThrow();

        assertEquals(new SignedAuthorization("ck_1", 1767225600L, "nonce-0001", SIG), auth);
        assertEquals(auth, SignedAuthorization.parse(auth.toHeader()).orElseThrow());
    }

    @Test
    void missing_foreign_duplicated_or_malformed_headers_are_refused() {
        for (String header : new String[] {
                null, "", "Bearer x", "CS1-HMAC-SHA256",
                "CS1-HMAC-SHA256 keyId=ck_1, timestamp=1, nonce=nonce-0001",                                  // no signature
                "CS1-HMAC-SHA256 keyId=ck_1, timestamp=1, nonce=nonce-0001, signature=" + SIG + ", extra=1",  // extra part
                "CS1-HMAC-SHA256 keyId=ck_1, keyId=ck_2, timestamp=1, nonce=nonce-0001, signature=" + SIG,   // twice
                "CS1-HMAC-SHA256 keyId=ck_1, timestamp=-1, nonce=nonce-0001, signature=" + SIG,              // negative
                "CS1-HMAC-SHA256 keyId=ck_1, timestamp=1234567890123, nonce=nonce-0001, signature=" + SIG,   // 13 digits
                "CS1-HMAC-SHA256 keyId=ck_1, timestamp=1, nonce=short, signature=" + SIG,                    // nonce rule
                "CS1-HMAC-SHA256 keyId=ck 1, timestamp=1, nonce=nonce-0001, signature=" + SIG,               // key id
                "cs1-hmac-sha256 keyId=ck_1, timestamp=1, nonce=nonce-0001, signature=" + SIG}) {            // scheme case
            assertTrue(SignedAuthorization.parse(header).isEmpty(), String.valueOf(header));
        }
    }
}
