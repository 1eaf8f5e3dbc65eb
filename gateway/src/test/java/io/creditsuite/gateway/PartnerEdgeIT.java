package io.creditsuite.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.creditsuite.gateway.domain.partner.CanonicalRequest;
import io.creditsuite.gateway.domain.partner.PartnerPrincipal;
import io.creditsuite.gateway.domain.partner.PartnerScope;
import io.creditsuite.gateway.domain.partner.ScopeRoutes;
import io.creditsuite.gateway.infrastructure.idempotency.IdempotencyFilter;
import io.creditsuite.gateway.infrastructure.idempotency.JdbcIdempotencyRecords;
import io.creditsuite.gateway.infrastructure.security.JdbcNonceStore;
import io.creditsuite.middleware.spring.MiddlewareInitializer;
import io.creditsuite.partnerclient.PartnerClient;
import io.creditsuite.partnerclient.PartnerResponse;
import io.creditsuite.partnerclient.RequestSigner;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner edge on the real database: partners and keys made through the operator endpoints, requests signed by
 * the partner client against a test-only echo controller, and every refusal checked for its code, problem+json,
 * X-Request-Id and X-Trace-Id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "creditsuite.test.middleware=database,zookeeper",
        // the most talkative levels, so the test can show that no secret reaches a log line
        "logging.level.io.creditsuite=DEBUG",
        "logging.level.org.springframework.web=DEBUG"})
@ContextConfiguration(initializers = MiddlewareInitializer.class)
@Import(PartnerEdgeIT.EchoConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class PartnerEdgeIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JdbcNonceStore nonces;
    @Autowired
    private JdbcIdempotencyRecords idempotencyRecords;
    @Autowired
    private Echo echo;
    @Value("${credit-suite.gateway.operator-token}")
    private String operatorToken;

    private String partnerId;
    private String keyId;
    private String secret;
    private PartnerClient client;

    @BeforeEach
    void a_partner_with_a_key() throws Exception {
        partnerId = "p-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = ops("POST", "/ops/v1/partners", "{\"partnerId\":\"" + partnerId
                + "\",\"name\":\"Demo Bank\",\"scopes\":[\"LOANS_WRITE\",\"LOANS_READ\"]}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode key = JSON.readTree(ops("POST", "/ops/v1/partners/" + partnerId + "/keys", "").body());
        keyId = key.path("keyId").asText();
        secret = key.path("secret").asText();
        assertTrue(secret.length() >= 40, "a secret of 32 random bytes: " + key);
        client = new PartnerClient(base(), keyId, secret, Clock.systemUTC());
    }

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

    // --- idempotency --------------------------------------------------------------------------------------------

    @Test
    void the_same_key_and_body_replay_the_first_response_byte_for_byte_without_running_again() {
        String key = "k-" + UUID.randomUUID();
        PartnerResponse first = client.post("/api/v1/test-echo", "{\"n\":1}", key);
        int executions = echo.executions.get();
        PartnerResponse again = client.post("/api/v1/test-echo", "{\"n\":1}", key);

        assertEquals(201, first.status());
        assertEquals(first.status(), again.status());
        assertEquals(first.body(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed").orElse(null));
        assertFalse(first.header("Idempotent-Replayed").isPresent());
        assertEquals(executions, echo.executions.get(), "the replay did not reach the controller");
        assertTrue(again.header("X-Trace-Id").isPresent());
    }

    @Test
    void the_same_key_with_another_body_is_422() {
        String key = "k-" + UUID.randomUUID();
        client.post("/api/v1/test-echo", "{\"n\":1}", key);

        assertProblem(client.post("/api/v1/test-echo", "{\"n\":2}", key), 422, "CS-6007");
    }

    @Test
    void a_400_from_the_endpoint_is_not_stored_so_the_fixed_body_may_reuse_the_key() {
        String key = "k-" + UUID.randomUUID();

        assertEquals(400, client.post("/api/v1/test-echo/validated", "{\"n\":-1}", key).status());
        PartnerResponse fixed = client.post("/api/v1/test-echo/validated", "{\"n\":1}", key);

        assertEquals(201, fixed.status(), fixed.body());
        assertFalse(fixed.header("Idempotent-Replayed").isPresent());
        assertEquals(key, fixed.json().path("idempotencyKey").asText(), "controllers see the validated key");
    }

    @Test
    void a_missing_or_malformed_key_is_400_and_stores_nothing() {
        int before = count("SELECT COUNT(*) FROM idempotency_record WHERE partner_id = ?", partnerId);

        assertProblem(client.post("/api/v1/test-echo", "{}", null), 400, "CS-6006");
        assertProblem(client.post("/api/v1/test-echo", "{}", "x".repeat(65)), 400, "CS-6006");
        assertEquals(before, count("SELECT COUNT(*) FROM idempotency_record WHERE partner_id = ?", partnerId));
    }

    @Test
    void the_same_key_while_the_first_runs_is_409_and_the_first_then_completes() throws Exception {
        String key = "k-" + UUID.randomUUID();
        echo.arm();
        CompletableFuture<PartnerResponse> first = CompletableFuture.supplyAsync(
                () -> client.post("/api/v1/test-echo/slow", "{\"n\":1}", key));
        try {
            assertTrue(echo.entered.await(20, TimeUnit.SECONDS), "the first request reached the controller");
            assertProblem(client.post("/api/v1/test-echo/slow", "{\"n\":1}", key), 409, "CS-6008");
        } finally {
            echo.release.countDown();
        }
        assertEquals(201, first.get(20, TimeUnit.SECONDS).status());
        assertEquals("true", client.post("/api/v1/test-echo/slow", "{\"n\":1}", key).header("Idempotent-Replayed").orElse(null));
    }

    @Test
    void a_claim_left_in_progress_by_a_dead_attempt_is_taken_over_after_the_stale_timeout() {
        String key = "k-" + UUID.randomUUID();
        String fingerprint = io.creditsuite.gateway.domain.partner.IdempotencyPolicy.fingerprint("POST",
                "/api/v1/test-echo", null, "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
        // a gateway claimed the key three minutes ago and died before storing a response
        Instant claimedAt = Instant.now().minus(Duration.ofMinutes(3));
        jdbc.update("INSERT INTO idempotency_record (partner_id, idem_key, fingerprint, status, created_at, claimed_at,"
                        + " expires_at) VALUES (?, ?, ?, 'IN_PROGRESS', ?, ?, ?)", partnerId, key, fingerprint,
                Timestamp.from(claimedAt), Timestamp.from(claimedAt), Timestamp.from(Instant.now().plus(Duration.ofHours(23))));
        int executions = echo.executions.get();

        PartnerResponse retried = client.post("/api/v1/test-echo", "{\"n\":1}", key);

        assertEquals(201, retried.status(), retried.body());
        assertEquals(executions + 1, echo.executions.get());
        assertEquals("COMPLETED", jdbc.queryForObject("SELECT status FROM idempotency_record WHERE partner_id = ? AND idem_key = ?",
                String.class, partnerId, key));
    }

    @Test
    void expired_idempotency_records_are_purged() {
        jdbc.update("INSERT INTO idempotency_record (partner_id, idem_key, fingerprint, status, response_status, created_at,"
                + " claimed_at, expires_at) VALUES (?, 'old', ?, 'COMPLETED', 201, ?, ?, ?)", partnerId, "0".repeat(64),
                Timestamp.from(Instant.now().minus(Duration.ofHours(25))),
                Timestamp.from(Instant.now().minus(Duration.ofHours(25))),
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))));

        assertTrue(idempotencyRecords.purgeExpired(1000, 10) >= 1);
        assertEquals(0, count("SELECT COUNT(*) FROM idempotency_record WHERE partner_id = ? AND idem_key = 'old'", partnerId));
    }

    // --- operator endpoints and secrets -------------------------------------------------------------------------

    @Test
    void operator_endpoints_need_the_token_and_allow_two_active_keys() throws Exception {
        assertProblem(raw(request("/ops/v1/partners/" + partnerId).GET()), 401, "CS-6013");
        assertProblem(raw(request("/ops/v1/partners/" + partnerId).header("X-Operator-Token", "wrong-token-wrong-token").GET()),
                401, "CS-6013");

        assertEquals(201, ops("POST", "/ops/v1/partners/" + partnerId + "/keys", "").statusCode(), "the second key");
        HttpResponse<String> third = ops("POST", "/ops/v1/partners/" + partnerId + "/keys", "");
        assertEquals(409, third.statusCode());
        assertTrue(third.body().contains("\"code\":\"CS-6015\""), third.body());

        HttpResponse<String> again = ops("POST", "/ops/v1/partners", "{\"partnerId\":\"" + partnerId
                + "\",\"name\":\"Demo Bank\",\"scopes\":[\"LOANS_READ\",\"LOANS_WRITE\"]}");
        assertEquals(200, again.statusCode(), "creating the same partner again is idempotent: " + again.body());
        HttpResponse<String> other = ops("POST", "/ops/v1/partners", "{\"partnerId\":\"" + partnerId
                + "\",\"name\":\"Other Bank\",\"scopes\":[\"LOANS_READ\"]}");
        assertEquals(409, other.statusCode(), other.body());
    }

    @Test
    void secrets_appear_in_no_log_line_no_get_response_and_not_in_clear_in_the_database(CapturedOutput output)
            throws Exception {
        client.post("/api/v1/test-echo", "{\"n\":1}", "k-" + UUID.randomUUID());
        new PartnerClient(base(), keyId, secret + "x", Clock.systemUTC()).get("/api/v1/test-echo", List.of());
        HttpResponse<String> issued = ops("POST", "/ops/v1/partners/" + partnerId + "/keys", "");
        String secondSecret = JSON.readTree(issued.body()).path("secret").asText();
        HttpResponse<String> view = ops("GET", "/ops/v1/partners/" + partnerId, null);

        assertEquals(200, view.statusCode());
        assertTrue(view.body().contains(keyId), view.body());
        for (String s : List.of(secret, secondSecret)) {
            assertFalse(view.body().contains(s), "GET returned a secret");
            assertFalse(output.getAll().contains(s), "a secret reached the log");
            assertEquals(0, count("SELECT COUNT(*) FROM partner_key WHERE INSTR(secret_enc, ?) > 0",
                    s.getBytes(StandardCharsets.UTF_8)), "a secret stored in clear");
        }
        assertTrue(output.getAll().contains("partner signature refused"), "the log was captured at all");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static void assertProblem(PartnerResponse response, int status, String code) {
        assertEquals(status, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type").orElse(""));
        assertEquals(code, response.json().path("code").asText(), response.body());
        String requestId = response.header("X-Request-Id").orElse(null);
        assertTrue(requestId != null && !requestId.isEmpty(), "X-Request-Id");
        assertEquals(requestId, response.json().path("requestId").asText());
        assertEquals(response.header("X-Trace-Id").orElse(null), response.json().path("traceId").asText());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertProblem(new PartnerResponse(response.statusCode(), response.headers(), response.body()), status, code);
    }

    private HttpResponse<String> ops(String method, String path, String body) throws Exception {
        HttpRequest.Builder builder = request(path).header("X-Operator-Token", operatorToken);
        if (body == null) {
            builder.GET();
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return raw(builder);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base().resolve(path));
    }

    private static HttpResponse<String> raw(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    // --- the test-only partner endpoint ---------------------------------------------------------------------------

    @TestConfiguration(proxyBeanMethods = false)
    static class EchoConfiguration {
        @Bean
        @Primary
        ScopeRoutes testScopeRoutes() {
            return ScopeRoutes.standard().with(
                    new ScopeRoutes.Route("POST", "/api/v1/test-echo/**", PartnerScope.LOANS_WRITE),
                    new ScopeRoutes.Route("GET", "/api/v1/test-echo/**", PartnerScope.LOANS_READ));
        }

        @Bean
        Echo echo() {
            return new Echo();
        }
    }

    @RestController
    static class Echo {
        final AtomicInteger executions = new AtomicInteger();
        volatile CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch release = new CountDownLatch(0);

        void arm() {
            entered = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }

        @PostMapping("/api/v1/test-echo")
        ResponseEntity<Map<String, Object>> post(@RequestBody byte[] body, HttpServletRequest request) {
            executions.incrementAndGet();
            PartnerPrincipal partner = (PartnerPrincipal) request.getAttribute(PartnerPrincipal.ATTRIBUTE);
            return ResponseEntity.status(201).body(Map.of("partnerId", partner.partnerId(), "keyId", partner.keyId(),
                    "body", new String(body, StandardCharsets.UTF_8), "bodySha256", CanonicalRequest.sha256Hex(body),
                    "execution", UUID.randomUUID().toString()));
        }

        @PostMapping("/api/v1/test-echo/slow")
        ResponseEntity<Map<String, Object>> slow(@RequestBody byte[] body, HttpServletRequest request) throws Exception {
            entered.countDown();
            if (!release.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the slow request");
            }
            return post(body, request);
        }

        /** A validation refusal (400) for a negative n: the body is refused before anything runs. */
        @PostMapping("/api/v1/test-echo/validated")
        ResponseEntity<Map<String, Object>> validated(@RequestBody Map<String, Integer> body, HttpServletRequest request) {
            if (body.get("n") < 0) {
                throw new io.creditsuite.api.error.ApiException(io.creditsuite.api.error.ErrorCode.INVALID_ARGUMENT,
                        "n must not be negative");
            }
            executions.incrementAndGet();
            return ResponseEntity.status(201).body(Map.of("n", body.get("n"), "idempotencyKey",
                    request.getAttribute(IdempotencyFilter.KEY_ATTRIBUTE)));
        }

        @GetMapping("/api/v1/test-echo")
        Map<String, Object> get(@RequestParam(name = "q", defaultValue = "") String q, HttpServletRequest request) {
            PartnerPrincipal partner = (PartnerPrincipal) request.getAttribute(PartnerPrincipal.ATTRIBUTE);
            return Map.of("partnerId", partner.partnerId(), "q", q);
        }
    }
}
