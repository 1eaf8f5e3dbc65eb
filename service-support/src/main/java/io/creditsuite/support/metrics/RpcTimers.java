package io.creditsuite.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;

/**
 * The registry {@link RpcTimerDubboFilter} records into. Dubbo creates its filters itself (SPI), not Spring, so Spring
 * Boot's metrics binding hands the registry over here ({@link MeterBinder}); until then nothing is recorded.
 * <p>
 * One timer, {@code rpc.calls} ({@code rpc_calls_seconds_*} in Prometheus, with a percentile histogram: p50 and p99 are
 * computed by the server from buckets, never averaged), tagged {@code side} (consumer | provider), {@code service}
 * (the interface's simple name), {@code method} and {@code outcome}: {@code ok}, the stable error code of a refusal
 * ({@code CS-2101}: refusals by reason), {@code rpc-error} (timeout, no provider, network) or {@code error}.
 */
public final class RpcTimers implements MeterBinder {
    static final String NAME = "rpc.calls";
    private static volatile MeterRegistry registry;

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        registry = meterRegistry;
    }

    static void record(String side, String service, String method, String outcome, long nanos) {
        MeterRegistry r = registry;
        if (r != null) {
            Timer.builder(NAME).description("Dubbo calls by side, service, method and outcome")
                    .tags("side", side, "service", service, "method", method, "outcome", outcome)
                    .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(30)).register(r).record(Duration.ofNanos(nanos));
        }
    }
}
