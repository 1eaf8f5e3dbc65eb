package io.creditsuite.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import io.creditsuite.gateway.infrastructure.flow.FundingAccounts;
import org.springframework.boot.test.context.TestConfiguration;
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
 * the partner client against a test-only echo endpoint, and every refusal checked for its code, problem+json,
 * X-Request-Id and X-Trace-Id. The ITs extending it share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "creditsuite.test.middleware=database,zookeeper",
        // no broker here: the decision-callback consumer and dispatcher are CallbackDeliveryIT's
        "credit-suite.gateway.callbacks.enabled=false",
        // the most talkative levels, so the test can show that no secret reaches a log line
        "logging.level.io.creditsuite=DEBUG",
        "logging.level.org.springframework.web=DEBUG"})
@ContextConfiguration(initializers = MiddlewareInitializer.class)
@Import(PartnerEdgeITSupport.EchoConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
abstract class PartnerEdgeITSupport {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JdbcNonceStore nonces;
    @Autowired
    JdbcIdempotencyRecords idempotencyRecords;
    @Autowired
    Echo echo;
    @Value("${credit-suite.gateway.operator-token}")
    String operatorToken;

    String partnerId;
    String keyId;
    String secret;
    PartnerClient client;

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

    // --- helpers ------------------------------------------------------------------------------------------------

    static void assertProblem(PartnerResponse response, int status, String code) {
        assertEquals(status, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type").orElse(""));
        assertEquals(code, response.json().path("code").asText(), response.body());
        String requestId = response.header("X-Request-Id").orElse(null);
        assertTrue(requestId != null && !requestId.isEmpty(), "X-Request-Id");
        assertEquals(requestId, response.json().path("requestId").asText());
        assertEquals(response.header("X-Trace-Id").orElse(null), response.json().path("traceId").asText());
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertProblem(new PartnerResponse(response.statusCode(), response.headers(), response.body()), status, code);
    }

    HttpResponse<String> ops(String method, String path, String body) throws Exception {
        HttpRequest.Builder builder = request(path).header("X-Operator-Token", operatorToken);
        if (body == null) {
            builder.GET();
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return raw(builder);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base().resolve(path));
    }

    static HttpResponse<String> raw(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    static java.util.OptionalLong fundingAccountOf(String partnerId) {
        return java.util.OptionalLong.of(1_000_000L + Math.floorMod(partnerId.hashCode(), 1_000_000));
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

        /** Every partner's "funding account" is derived from its id: two partners, two accounts. */
        @Bean
        @Primary
        FundingAccounts testFundingAccounts() {
            return PartnerEdgeITSupport::fundingAccountOf;
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
