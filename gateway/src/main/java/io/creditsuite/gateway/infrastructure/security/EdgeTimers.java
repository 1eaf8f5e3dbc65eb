package io.creditsuite.gateway.infrastructure.security;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where a signed partner request's time goes at the edge, as Micrometer timers {@code cs.gateway.edge{step=...}}
 * (served at {@code /actuator/prometheus} as {@code cs_gateway_edge_seconds_*}; LendingDrawdownBenchmark reads them):
 * {@code signature} (active key lookup + HMAC check), {@code nonce} (the nonce's insert), {@code idempotency_claim}
 * and {@code idempotency_complete} (the Idempotency-Key record's insert and its completion with the response).
 * Registered in Micrometer's global registry, to which Spring Boot binds its own.
 */
public final class EdgeTimers {
    public static final Timer SIGNATURE = step("signature");
    public static final Timer NONCE = step("nonce");
    public static final Timer IDEMPOTENCY_CLAIM = step("idempotency_claim");
    public static final Timer IDEMPOTENCY_COMPLETE = step("idempotency_complete");

    private EdgeTimers() {
    }

    private static Timer step(String name) {
        return Timer.builder("cs.gateway.edge").tag("step", name)
                .description("time of one step of a signed partner request at the gateway's edge")
                .register(Metrics.globalRegistry);
    }

    public static <T> T time(Timer timer, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
