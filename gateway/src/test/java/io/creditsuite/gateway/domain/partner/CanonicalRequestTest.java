package io.creditsuite.gateway.domain.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalRequestTest {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void the_canonical_request_is_method_path_query_timestamp_nonce_and_body_hash_on_six_lines() {
        byte[] body = "{\"amount\":\"100.00\",\"currency\":\"CNY\"}".getBytes(StandardCharsets.UTF_8);

        assertEquals("POST\n/api/v1/loans\n\n1767225600\nabcdEFGH_-12\n"
                        + "725e2913f2486fc264b5b7654c6d855df63bbf57528182c9411af8188143a86e",
                CanonicalRequest.of("post", "/api/v1/loans", (String) null, 1767225600L, "abcdEFGH_-12", body));
    }

    @Test
    void the_query_is_decoded_then_encoded_per_rfc3986_and_sorted() {
        String fromWire = CanonicalRequest.of("GET", "/p", "size=20&page=2&q=a+b%2Bc%2f%C3%A9", 1L, "nonce-0001", new byte[0]);

        assertEquals("GET\n/p\npage=2&q=a%20b%2Bc%2F%C3%A9&size=20\n1\nnonce-0001\n" + EMPTY_SHA256, fromWire);
    }

    @Test
    void two_spellings_of_the_same_parameters_sign_alike() {
        String a = CanonicalRequest.of("GET", "/p", "b=%7E&a=x%20y", 1L, "nonce-0001", new byte[0]);
        String b = CanonicalRequest.of("GET", "/p", List.of(Map.entry("a", "x y"), Map.entry("b", "~")), 1L,
                "nonce-0001", new byte[0]);

        assertEquals(a, b);
    }

    @Test
    void a_parameter_without_value_is_an_empty_value() {
        assertEquals("a=&b=1", CanonicalRequest.canonicalQuery(CanonicalRequest.parseQuery("b=1&a")));
    }

    @Test
    void a_malformed_escape_is_refused_rather_than_guessed() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalRequest.parseQuery("a=%G1"));
        assertThrows(IllegalArgumentException.class, () -> CanonicalRequest.parseQuery("a=%4"));
    }
}
