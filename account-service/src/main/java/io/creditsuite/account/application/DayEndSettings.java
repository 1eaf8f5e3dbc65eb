package io.creditsuite.account.application;

/**
 * @param snapshotBatch      accounts per end-of-day balance transaction (and per persisted cursor step)
 * @param nearRealTimeOffset days between the date in force and the end-of-day balance the
 *                           near-real-time balance starts from: 2 (T-2, default) or 1
 */
public record DayEndSettings(int snapshotBatch, int nearRealTimeOffset) {
    public DayEndSettings {
        if (snapshotBatch < 1) {
            throw new IllegalArgumentException("snapshot batch must be at least 1, not " + snapshotBatch);
        }
    }
}
