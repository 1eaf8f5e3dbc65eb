package io.creditsuite.account.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One day-end cutover (日切): closes {@code closedDate}, after which postings carry
 * {@code closedDate + 1}. Its steps, each persisted before the next starts, so a rerun resumes:
 * <ol>
 * <li>SWITCHED: the calendar moved to the next date in the same transaction that created this
 *     record. The switch takes the calendar row's exclusive lock; every posting transaction holds
 *     that row's shared lock from its first statement to its commit, so when the switch commits,
 *     every entry dated {@code closedDate} has committed and no later one can be.</li>
 * <li>SNAPSHOTTING: pending credits (summary posting) dated {@code closedDate} or earlier were all
 *     folded into the journal; end-of-day balances are written in batches of accounts, in id
 *     order, up to {@code lastAccountId}; {@code cursor} is the last account done, committed with
 *     its batch.</li>
 * <li>COMPLETED.</li>
 * </ol>
 *
 * <p>Guarantees:
 * <pre>
 *   closedDate = the date in force when the cutover started;  nextDate = closedDate + 1
 *   a date is closed at most once; a rerun of a closed date changes nothing and returns this record
 *   COMPLETED  =>  one end-of-day balance per account with id <= lastAccountId, none twice
 *   no journal entry dated <= closedDate commits after the stage left SWITCHED
 * </pre>
 *
 * @param previousDate the closed date whose balances this one builds on; null for the first cutover
 */
public record DayEndCutover(LocalDate closedDate, LocalDate previousDate, Stage stage, long lastAccountId,
                            long cursor, long accountsSnapshotted, Instant completedAt) {

    public enum Stage { SWITCHED, SNAPSHOTTING, COMPLETED }

    public DayEndCutover {
        if (previousDate != null && !previousDate.isBefore(closedDate)) {
            throw new IllegalArgumentException("previous closed date " + previousDate + " is not before " + closedDate);
        }
        if (cursor > lastAccountId && stage != Stage.COMPLETED) {
            throw new IllegalArgumentException("cursor " + cursor + " beyond the last account " + lastAccountId);
        }
    }

    /** The record the switch writes. */
    public static DayEndCutover switched(LocalDate closedDate, LocalDate previousDate, long lastAccountId) {
        return new DayEndCutover(closedDate, previousDate, Stage.SWITCHED, lastAccountId, 0, 0, null);
    }

    public LocalDate nextDate() {
        return closedDate.plusDays(1);
    }

    public boolean completed() {
        return stage == Stage.COMPLETED;
    }

    /**
     * The cutover a request may start: only the date in force can be closed, and only once every
     * earlier cutover completed (a stuck one, 卡日切, is rerun first).
     *
     * @param latest the most recent cutover, or null when none ran yet
     */
    public static void requireMayClose(LocalDate requested, LocalDate dateInForce, DayEndCutover latest) {
        if (latest != null && !latest.completed()) {
            throw new DayEndException(DayEndError.PREVIOUS_INCOMPLETE, "the cutover of " + latest.closedDate()
                    + " stopped at " + latest.stage() + "; rerun it before closing " + requested);
        }
        if (!requested.equals(dateInForce)) {
            throw new DayEndException(DayEndError.DATE_NOT_NEXT, "the accounting date in force is " + dateInForce
                    + "; a cutover closes it (to " + dateInForce.plusDays(1) + "), not " + requested);
        }
    }

    /** After one batch of end-of-day balances up to account {@code upTo}. */
    public DayEndCutover advancedTo(long upTo, int snapshotted) {
        if (stage != Stage.SNAPSHOTTING || upTo <= cursor || upTo > lastAccountId) {
            throw new IllegalStateException("batch up to " + upTo + " does not follow cursor " + cursor + " in " + this);
        }
        return new DayEndCutover(closedDate, previousDate, stage, lastAccountId, upTo,
                Math.addExact(accountsSnapshotted, snapshotted), null);
    }

    public DayEndCutover folded() {
        if (stage != Stage.SWITCHED) {
            throw new IllegalStateException("pending credits are folded right after the switch, not in " + stage);
        }
        return new DayEndCutover(closedDate, previousDate, Stage.SNAPSHOTTING, lastAccountId, cursor,
                accountsSnapshotted, null);
    }

    public DayEndCutover completedAt(Instant when) {
        if (stage != Stage.SNAPSHOTTING) {
            throw new IllegalStateException("a cutover completes after snapshotting, not in " + stage);
        }
        return new DayEndCutover(closedDate, previousDate, Stage.COMPLETED, lastAccountId, cursor,
                accountsSnapshotted, when);
    }
}
