package io.creditsuite.devstack;

import java.time.Duration;
import java.util.Map;

/**
 * A stack that {@link Devstack#up} started and found ready.
 *
 * @param pids       the pid of each component
 * @param readyAfter how long each component took from its launch to ready
 * @param took       from the start of {@code up} until the last component was ready
 */
public record RunningStack(StackSettings settings, Map<Component, Long> pids, Map<Component, Duration> readyAfter,
                           Duration took) {

    public String gatewayUrl() {
        return settings.ports().gatewayUrl();
    }
}
