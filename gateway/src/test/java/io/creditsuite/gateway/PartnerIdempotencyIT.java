package io.creditsuite.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.creditsuite.partnerclient.PartnerResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on partner POSTs: replay, 422, 409 while in flight, 400, stale take-over, purge. */
class PartnerIdempotencyIT extends PartnerEdgeITSupport {
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
    void of_concurrent_claims_and_take_overs_of_one_key_exactly_one_wins() throws Exception {
        String key = "k-" + UUID.randomUUID();
        Instant expiresAt = Instant.now().plus(Duration.ofHours(24));
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<Instant>>> claims = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return idempotencyRecords.claim(partnerId, key, "f".repeat(64), expiresAt);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Optional<Instant>> claim : claims) {
                won += claim.get(20, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertEquals(1, won, "claims won");

            Instant seen = idempotencyRecords.find(partnerId, key).orElseThrow().claimedAt();
            CountDownLatch again = new CountDownLatch(1);
            List<Future<Optional<Instant>>> takeOvers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                takeOvers.add(pool.submit(() -> {
                    again.await();
                    return idempotencyRecords.reclaim(partnerId, key, seen, "f".repeat(64), expiresAt);
                }));
            }
            again.countDown();
            int tookOver = 0;
            for (Future<Optional<Instant>> takeOver : takeOvers) {
                tookOver += takeOver.get(20, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertEquals(1, tookOver, "take-overs won");
            // the first claim's holder lost its token: its late completion changes nothing
            idempotencyRecords.complete(partnerId, key, seen, 201, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            assertEquals("IN_PROGRESS", jdbc.queryForObject(
                    "SELECT status FROM idempotency_record WHERE partner_id = ? AND idem_key = ?", String.class, partnerId, key));
        } finally {
            pool.shutdownNow();
        }
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

}
