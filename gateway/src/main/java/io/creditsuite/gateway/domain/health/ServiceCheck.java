package io.creditsuite.gateway.domain.health;

import java.util.Objects;

/**
 * The answer of one service to a ping.
 *
 * @param service   logical name, e.g. {@code credit-service}
 * @param reachable whether it answered
 * @param latencyMillis round trip, or the time spent failing
 * @param detail    its version and commit when reachable, the failure otherwise
 */
public record ServiceCheck(String service, boolean reachable, long latencyMillis, String detail) {
    public ServiceCheck {
        Objects.requireNonNull(service, "service");
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latencyMillis < 0: " + latencyMillis);
        }
    }
}
