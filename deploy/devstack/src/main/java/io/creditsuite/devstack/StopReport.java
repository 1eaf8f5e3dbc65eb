package io.creditsuite.devstack;

import java.time.Duration;
import java.util.List;

/**
 * What a stop did.
 *
 * @param stopped  the components that were running and were stopped, in the order their stop
 *                 completed within the stop order (parallel groups in any order)
 * @param problems processes that could not be stopped (they survived SIGKILL)
 */
public record StopReport(List<Stopped> stopped, List<String> problems, Duration took) {

    public boolean nothingWasRunning() {
        return stopped.isEmpty() && problems.isEmpty();
    }

    /** @param forced SIGTERM was not enough within the grace period */
    public record Stopped(Component component, long pid, Duration took, boolean forced) {
    }
}
