package io.creditsuite.partnerclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Fixed vectors, computed independently (Python's hashlib, hmac and urllib.parse.quote with safe="-._~"). */
class RequestSignerTest {
    private static final String SECRET = "cs1s_test-secret";
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void a_get_without_query_or_body_signs_to_the_fixed_vector() {
        String canonical = RequestSigner.canonicalRequest("GET", "/api/v1/customers/c-1", List.of(), 1767225600L,
                "nonce-0001", new byte[0]);

        assertEquals("GET\n/api/v1/customers/c-1\n\n1767225600\nnonce-0001\n" + EMPTY_SHA256, canonical);
        assertEquals("2595673ee66d6dc56ca4f05bf43f7d3a15b5eb44db99df30e969885b634de6f1",
                RequestSigner.signature(SECRET, canonical));
    }

    @Test
    void a_post_signs_the_sha256_of_its_raw_body() {
        byte[] body = "{\"amount\":\"100.00\",\"currency\":\"CNY\"}".getBytes(StandardCharsets.UTF_8);
        String canonical = RequestSigner.canonicalRequest("post", "/api/v1/loans", List.of(), 1767225600L,
                "abcdEFGH_-12", body);

        assertTrue(canonical.startsWith("POST\n"), "the method is upper-cased");
        assertTrue(canonical.endsWith("725e2913f2486fc264b5b7654c6d855df63bbf57528182c9411af8188143a86e"));
        assertEquals("47f789f020b4a80477a6896eeaeb40158d556323431dadcda6038f555f903e4f",
                RequestSigner.signature(SECRET, canonical));
    }

    @Test
    void query_parameters_are_rfc3986_encoded_and_sorted() {
        List<Map.Entry<String, String>> query = List.of(Map.entry("size", "20"), Map.entry("page", "2"),
                Map.entry("q", "a b+c/é"));
        String canonical = RequestSigner.canonicalRequest("GET", "/api/v1/customers/c-1/statement", query,
                1767225601L, "n0nce-xyz", new byte[0]);

        assertEquals("GET\n/api/v1/customers/c-1/statement\npage=2&q=a%20b%2Bc%2F%C3%A9&size=20\n1767225601\nn0nce-xyz\n"
                + EMPTY_SHA256, canonical);
        assertEquals("e7a8591ee276399c7048ed637c6afa88cc20f87091e83e8b570132ed99edbc81",
                RequestSigner.signature(SECRET, canonical));
        assertEquals("size=20&page=2&q=a%20b%2Bc%2F%C3%A9", RequestSigner.queryString(query), "wire order kept");
    }

    @Test
    void one_changed_body_byte_changes_the_signature() {
        String a = RequestSigner.canonicalRequest("POST", "/api/v1/loans", List.of(), 1L, "nonce-0001", "{\"a\":1}".getBytes());
        String b = RequestSigner.canonicalRequest("POST", "/api/v1/loans", List.of(), 1L, "nonce-0001", "{\"a\":2}".getBytes());

        assertNotEquals(RequestSigner.signature(SECRET, a), RequestSigner.signature(SECRET, b));
    }

    @Test
    void the_authorization_header_names_the_four_parts() {
        assertEquals("CS1-HMAC-SHA256 keyId=ck_1, timestamp=5, nonce=nonce-0001, signature=ab",
                RequestSigner.authorization("ck_1", 5, "nonce-0001", "ab"));
    }

    @Test
    void nonces_are_fresh_and_fit_the_gateways_rule() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String nonce = PartnerClient.newNonce();
            assertTrue(nonce.matches("[A-Za-z0-9_-]{8,64}"), nonce);
            assertTrue(seen.add(nonce), "a nonce repeated: " + nonce);
        }
    }
}
