package io.creditsuite.devstack;

import java.time.Duration;
import java.util.Collection;

/**
 * Percentiles of recorded latencies, exact (every sample kept and sorted; a run records a few ten thousand), by the
 * nearest-rank rule: the p-th percentile is the smallest sample with at least p% of the samples at or below it.
 */
final class Latencies {
    private final long[] sortedNanos;

    Latencies(Collection<Duration> samples) {
        this.sortedNanos = samples.stream().mapToLong(Duration::toNanos).sorted().toArray();
    }

    int count() {
        return sortedNanos.length;
    }

    /** The {@code percent}-th percentile (0 < percent <= 100) in milliseconds; 0 without samples. */
    double millis(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("a percentile is in (0, 100], was " + percent);
        }
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(1, rank) - 1] / 1e6;
    }

    double maxMillis() {
        return sortedNanos.length == 0 ? 0 : sortedNanos[sortedNanos.length - 1] / 1e6;
    }
}
