package io.creditsuite.approval.domain.report;

import java.time.Duration;

/**
 * How long an open task has waited, for the backlog report: {@code [0, 1h)}, {@code [1h, 4h)}, {@code [4h, 8h)},
 * {@code [8h, 24h)}, {@code [24h, ...)}; lower bounds inclusive, so every wait falls in exactly one bucket (a task
 * created "in the future" by clock skew counts as under an hour).
 */
public enum WaitBucket {
    UNDER_1H(0), FROM_1H_TO_4H(1), FROM_4H_TO_8H(4), FROM_8H_TO_24H(8), OVER_24H(24);

    private final long fromHours;

    WaitBucket(long fromHours) {
        this.fromHours = fromHours;
    }

    public static WaitBucket of(Duration waited) {
        WaitBucket bucket = UNDER_1H;
        for (WaitBucket b : values()) {
            if (!waited.minusHours(b.fromHours).isNegative()) {
                bucket = b;
            }
        }
        return bucket;
    }
}
