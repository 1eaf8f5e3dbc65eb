package io.creditsuite.account.application;

import io.creditsuite.account.domain.DayEndCutover;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: the day-end cutover (日切) of one date, while postings continue. Runs the steps of
 * {@link DayEndCutover} from wherever the stored record says it stopped: a date already closed is
 * a no-op returning the stored record; a cutover a crash stopped resumes.
 *
 * <p>Which date each path of the ledger gives its entries (the date in force when it commits):
 * <ul>
 * <li>Naive posting and group-commit batches (hot lanes, split sub-accounts, buffered mode: every
 *     one goes through {@link LedgerWriter#write}): the transaction's first statement reads the
 *     calendar under a shared lock held until commit, so the date it reads is the one in force
 *     at its commit; the switch waits for it.</li>
 * <li>TCC confirm: the same, in {@link TransferHandler#confirm}.</li>
 * <li>Summary posting: a credit becomes a pending detail carrying the date in force when the
 *     detail commits (that is when the caller is told it is posted, and the money belongs to the
 *     account from then on). When folded, by the aggregator or by a debit that finds the account
 *     short, its journal entry keeps that date: the fold only fixes its balance before/after. A
 *     detail of date T may therefore fold after the switch, which is why step 2 folds every
 *     detail dated T or earlier before any end-of-day balance of T is taken: afterwards no entry
 *     dated T can ever commit.</li>
 * </ul>
 */
public class RunDayEndCutoverHandler {
    private static final Logger log = LoggerFactory.getLogger(RunDayEndCutoverHandler.class);

    private final DayEndSteps steps;
    private final int snapshotBatch;
    private final int foldBatch;

    public RunDayEndCutoverHandler(DayEndSteps steps, DayEndSettings settings) {
        this.steps = steps;
        this.snapshotBatch = settings.snapshotBatch();
        this.foldBatch = AggregateHandler.FOLD_BATCH;
    }

    public DayEndCutover run(RunDayEndCutoverCommand command) {
        LocalDate date = command.closedDate();
        Optional<DayEndCutover> stored = steps.find(date);
        if (stored.isPresent() && stored.get().completed()) {
            return stored.get();
        }
        DayEndCutover cutover = stored.orElseGet(() -> {
            DayEndCutover switched = steps.switchDate(date);
            log.info("day-end cutover: accounting date {} -> {}", date, switched.nextDate());
            return switched;
        });
        if (cutover.stage() == DayEndCutover.Stage.SWITCHED) {
            long folded = steps.foldPending(date, foldBatch);
            cutover = steps.markFolded(date);
            log.info("day-end cutover of {}: {} pending credits folded", date, folded);
        }
        while (cutover.stage() == DayEndCutover.Stage.SNAPSHOTTING) {
            cutover = steps.snapshotBatch(date, snapshotBatch);
        }
        log.info("day-end cutover of {} completed: {} end-of-day balances", date, cutover.accountsSnapshotted());
        // the stored record: the same answer a rerun of this date gets
        return steps.find(date).orElseThrow();
    }
}
