package io.creditsuite.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.creditsuite.gateway.infrastructure.security.JdbcNonceStore;
import io.creditsuite.partnerclient.PartnerClient;
import io.creditsuite.partnerclient.PartnerResponse;
import io.creditsuite.partnerclient.RequestSigner;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Signed requests: what passes, each refusal with its code, replays, scopes, body limits. */
class PartnerSignatureIT extends PartnerEdgeITSupport {
    // --- signatures ---------------------------------------------------------------------------------------------

    @Test
    void a_signed_post_passes_and_the_controller_sees_the_signed_bytes_and_the_partner() throws Exception {
        String body = "{\"amount\":\"100.00\",  \"note\":\"还款\"}";
        PartnerResponse response = client.post("/api/v1/test-echo", body, "k-" + UUID.randomUUID());

        assertEquals(201, response.status(), response.body());
        assertEquals(body, response.json().path("body").asText(), "the raw bytes, not a re-serialisation");
        assertEquals(partnerId, response.json().path("partnerId").asText());
        assertEquals(keyId, response.json().path("keyId").asText());
        assertTrue(response.header("X-Request-Id").isPresent());
        assertTrue(response.header("X-Trace-Id").isPresent());
    }

    @Test
    void a_signed_get_with_an_encoded_query_passes() {
        PartnerResponse response = client.get("/api/v1/test-echo", List.of(Map.entry("q", "a b+c/é"), Map.entry("page", "2")));

        assertEquals(200, response.status(), response.body());
        assertEquals("a b+c/é", response.json().path("q").asText());
    }

    @Test
    void a_wrong_secret_an_unknown_key_and_a_revoked_key_are_one_invalid_signature() throws Exception {
        assertProblem(new PartnerClient(base(), keyId, secret + "x", Clock.systemUTC()).get("/api/v1/test-echo", List.of()),
                401, "CS-6002");
        assertProblem(new PartnerClient(base(), "ck_unknown", secret, Clock.systemUTC()).get("/api/v1/test-echo", List.of()),
                401, "CS-6002");

        assertEquals(200, ops("POST", "/ops/v1/partners/" + partnerId + "/keys/" + keyId + "/revoke", "").statusCode());
        assertProblem(client.get("/api/v1/test-echo", List.of()), 401, "CS-6002");
    }

    @Test
    void a_timestamp_more_than_five_minutes_away_is_refused() {
        Clock late = Clock.fixed(Instant.now().minus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        Clock early = Clock.fixed(Instant.now().plus(Duration.ofMinutes(6)), ZoneOffset.UTC);

        assertProblem(new PartnerClient(base(), keyId, secret, late).get("/api/v1/test-echo", List.of()), 401, "CS-6003");
        assertProblem(new PartnerClient(base(), keyId, secret, early).get("/api/v1/test-echo", List.of()), 401, "CS-6003");
    }

    @Test
    void a_missing_or_malformed_authorization_is_refused() throws Exception {
        assertProblem(raw(request("/api/v1/test-echo").GET()), 401, "CS-6001");
        assertProblem(raw(request("/api/v1/test-echo").header("Authorization", "CS1-HMAC-SHA256 keyId=" + keyId).GET()),
                401, "CS-6001");
    }

    @Test
    void path_tricks_that_route_to_a_partner_endpoint_cannot_walk_around_the_filters() throws Exception {
        for (String path : List.of("/api/v1/system/../test-echo", "/api/v1;x=1/test-echo", "/api/v1/test-echo;x=1",
                "/api/v1/system/%2e%2e/test-echo")) {
            HttpResponse<String> response = raw(request(path).GET());
            assertTrue(response.statusCode() == 400 || response.statusCode() == 401, path + " -> " + response.statusCode()
                    + " " + response.body());
            assertFalse(response.body().contains("partnerId"), path + " reached the endpoint: " + response.body());
        }
        // a signed request in such a form is refused too: the scope table and the controller must see one path
        assertProblem(client.get("/api/v1;x=1/test-echo", List.of()), 400, "CS-1000");
        for (String path : List.of("/ops;x=1/v1/partners/" + partnerId, "/api/../ops/v1/partners/" + partnerId)) {
            HttpResponse<String> response = raw(request(path).GET());
            assertTrue(response.statusCode() == 400 || response.statusCode() == 401, path + " -> " + response.statusCode());
            assertFalse(response.body().contains("Demo Bank"), path + " reached the operator endpoint");
        }
    }

    @Test
    void a_replayed_nonce_is_refused_by_the_database_key_also_for_another_gateway_instance() throws Exception {
        long timestamp = Instant.now().getEpochSecond();
        String nonce = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        String signature = RequestSigner.signature(secret,
                RequestSigner.canonicalRequest("GET", "/api/v1/test-echo", List.of(), timestamp, nonce, new byte[0]));
        HttpRequest.Builder same = request("/api/v1/test-echo")
                .header("Authorization", RequestSigner.authorization(keyId, timestamp, nonce, signature)).GET();

        assertEquals(200, raw(same).statusCode());
        assertProblem(raw(same), 401, "CS-6004");

        // another instance: its own connection pool and nonce store, no memory shared with this context
        try (HikariDataSource otherPool = new HikariDataSource()) {
            otherPool.setJdbcUrl(jdbc.getDataSource().unwrap(HikariDataSource.class).getJdbcUrl());
            otherPool.setUsername(jdbc.getDataSource().unwrap(HikariDataSource.class).getUsername());
            otherPool.setPassword(jdbc.getDataSource().unwrap(HikariDataSource.class).getPassword());
            JdbcNonceStore otherInstance = new JdbcNonceStore(new JdbcTemplate(otherPool), Clock.systemUTC());
            assertFalse(otherInstance.firstUse(keyId, nonce, Instant.now().plusSeconds(300)), "the unique key refuses it");
            assertTrue(otherInstance.firstUse(keyId, nonce + "-2", Instant.now().plusSeconds(300)), "a new nonce passes");
        }
    }

    @Test
    void expired_nonces_are_purged_and_live_ones_kept() {
        nonces.firstUse(keyId, "expired-nonce-1", Instant.now().minusSeconds(1));
        nonces.firstUse(keyId, "live-nonce-0001", Instant.now().plusSeconds(300));

        assertTrue(nonces.purgeExpired(1, 1000) >= 1);
        assertEquals(0, count("SELECT COUNT(*) FROM partner_nonce WHERE key_id = ? AND nonce = 'expired-nonce-1'", keyId));
        assertEquals(1, count("SELECT COUNT(*) FROM partner_nonce WHERE key_id = ? AND nonce = 'live-nonce-0001'", keyId));
    }

    @Test
    void a_key_without_the_routes_scope_is_denied_and_an_unlisted_route_too() throws Exception {
        String reader = "r-" + UUID.randomUUID().toString().substring(0, 8);
        ops("POST", "/ops/v1/partners", "{\"partnerId\":\"" + reader + "\",\"name\":\"Reader\",\"scopes\":[\"LOANS_READ\"]}");
        JsonNode key = JSON.readTree(ops("POST", "/ops/v1/partners/" + reader + "/keys", "").body());
        PartnerClient readOnly = new PartnerClient(base(), key.path("keyId").asText(), key.path("secret").asText(),
                Clock.systemUTC());

        assertEquals(200, readOnly.get("/api/v1/test-echo", List.of()).status());
        assertProblem(readOnly.post("/api/v1/test-echo", "{}", "k-1"), 403, "CS-6005");
        assertProblem(client.get("/api/v1/not-a-partner-route", List.of()), 403, "CS-6005");
    }

    // --- body limits --------------------------------------------------------------------------------------------

    @Test
    void a_one_megabyte_body_is_refused_with_413() {
        String big = "{\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}";

        assertProblem(client.post("/api/v1/test-echo", big, "k-big"), 413, "CS-6009");
    }

    @Test
    void a_post_that_is_not_json_is_refused_with_415() throws Exception {
        assertProblem(raw(request("/api/v1/test-echo").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))), 415, "CS-6010");
    }

}
