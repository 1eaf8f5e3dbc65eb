package io.creditsuite.gateway.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.creditsuite.gateway.domain.partner.CanonicalRequest;
import io.creditsuite.gateway.domain.partner.SignaturePolicy;
import io.creditsuite.partnerclient.RequestSigner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The partner client holds its own copy of the signing algorithm; this table proves the copy and the gateway's
 * rule agree: what the client signs (from decoded parameters) the gateway verifies (from the query string the client
 * put on the wire).
 */
class ClientAndGatewaySignAlikeTest {
    private static final String SECRET = "cs1s_shared-secret";

    record Case(String method, String path, List<Map.Entry<String, String>> query, String body) {
    }

    private static final List<Case> TABLE = List.of(
            new Case("GET", "/api/v1/customers/c-1", List.of(), ""),
            new Case("POST", "/api/v1/loans", List.of(), "{\"amount\":\"100.00\",\"currency\":\"CNY\"}"),
            new Case("POST", "/api/v1/loans/L-1/repayments", List.of(), "{\"note\":\"还款 é ✓\"}"),
            new Case("GET", "/api/v1/customers/c-1/statement",
                    List.of(Map.entry("size", "20"), Map.entry("page", "2"), Map.entry("q", "a b+c/é&=?")), ""),
            new Case("GET", "/api/v1/loans", List.of(Map.entry("b", ""), Map.entry("a", "~-._"), Map.entry("a", "0")), ""),
            new Case("POST", "/api/v1/holds", List.of(), ""),
            new Case("GET", "/api/v1/customers/%E5%AE%A2%E6%88%B7", List.of(Map.entry("emoji", "😀")), ""));

    @Test
    void the_client_and_the_gateway_produce_the_same_signature_for_every_request_of_the_table() {
        for (Case c : TABLE) {
            assertSignAlike(c);
        }
    }

    @Test
    void they_agree_on_random_parameters_too() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            String key = randomText(random);
            String value = randomText(random);
            assertSignAlike(new Case("GET", "/api/v1/loans", List.of(Map.entry(key, value), Map.entry("z", key)), value));
        }
    }

    private static void assertSignAlike(Case c) {
        byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
        String client = RequestSigner.canonicalRequest(c.method(), c.path(), c.query(), 1767225600L, "nonce-0001", body);
        String wireQuery = RequestSigner.queryString(c.query());
        String gateway = CanonicalRequest.of(c.method(), c.path(), wireQuery.isEmpty() ? null : wireQuery,
                1767225600L, "nonce-0001", body);

        assertEquals(gateway, client, c.toString());
        String signature = RequestSigner.signature(SECRET, client);
        assertEquals(SignaturePolicy.sign(SECRET, gateway), signature);
        assertTrue(SignaturePolicy.signatureMatches(SECRET, gateway, signature));
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(3);
            text.appendCodePoint(kind == 0 ? 0x20 + random.nextInt(0x5f) : kind == 1 ? 0xa0 + random.nextInt(0x700)
                    : 0x1f600 + random.nextInt(0x40));
        }
        return text.toString();
    }
}
