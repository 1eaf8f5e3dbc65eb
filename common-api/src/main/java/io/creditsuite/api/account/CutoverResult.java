package io.creditsuite.api.account;

import java.io.Serializable;

/**
 * A day-end cutover, as stored: the same answer however often it is asked for.
 *
 * @param closedDate          the date closed
 * @param nextDate            the date postings carry from the switch on
 * @param stage               SWITCHED, SNAPSHOTTING or COMPLETED
 * @param accountsSnapshotted accounts with an end-of-day balance for {@code closedDate}
 * @param completedAt         ISO instant of completion; null until COMPLETED
 */
public record CutoverResult(String closedDate, String nextDate, String stage, long accountsSnapshotted,
                            String completedAt) implements Serializable {
}
