package io.creditsuite.approval.domain.report;

import java.util.Arrays;

/**
 * Percentiles by nearest rank, as a report reader can check them by hand: for n values sorted ascending, the p-th
 * percentile is the value at 1-based rank {@code ceil(p * n / 100)} (so p50 of 1..4 is 2, p90 of 1..10 is 9);
 * 0 for no values. No interpolation: every figure reported is a time some task really took.
 */
public final class NearestRank {
    private NearestRank() {
    }

    public static long percentile(long[] values, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be 1..100, not " + percent);
        }
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent * (double) sorted.length / 100.0);
        return sorted[Math.max(rank, 1) - 1];
    }
}
