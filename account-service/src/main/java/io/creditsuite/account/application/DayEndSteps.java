package io.creditsuite.account.application;

import io.creditsuite.account.domain.AccountingCalendar;
import io.creditsuite.account.domain.DayEndCutover;
import io.creditsuite.account.domain.DayEndRepository;
import io.creditsuite.account.domain.EndOfDayBalance;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a day-end cutover, each its own transaction, each safe to run again: the state that
 * says what is done (stage, cursor) commits together with what the step wrote. Public so that a
 * test can stop a cutover between two steps, exactly where a crash would leave it.
 */
public class DayEndSteps {
    private final DayEndRepository repository;
    private final LedgerWriter writer;
    private final AccountingCalendar calendar;
    private final Clock clock;

    public DayEndSteps(DayEndRepository repository, LedgerWriter writer, AccountingCalendar calendar) {
        this.repository = repository;
        this.writer = writer;
        this.calendar = calendar;
        this.clock = Clock.systemUTC();
    }

    /** The cutover already recorded for {@code date}, read without any lock. */
    public Optional<DayEndCutover> find(LocalDate date) {
        return repository.find(date);
    }

    /**
     * Step 1: switches the calendar to {@code date + 1} and records the cutover, in ONE transaction.
     * The calendar row's exclusive lock waits for the postings in flight (they hold it shared) and
     * holds new ones back for the few milliseconds of this transaction.
     */
    @Transactional
    public DayEndCutover switchDate(LocalDate date) {
        LocalDate inForce = repository.lockDateInForce();
        Optional<DayEndCutover> existing = repository.find(date);
        if (existing.isPresent()) {
            return existing.get();
        }
        DayEndCutover latest = repository.latest().orElse(null);
        DayEndCutover.requireMayClose(date, inForce, latest);
        DayEndCutover cutover = DayEndCutover.switched(date, latest == null ? null : latest.closedDate(),
                repository.maxAccountId());
        repository.moveDateInForce(date, cutover.nextDate());
        repository.insert(cutover);
        return cutover;
    }

    /**
     * Step 2: folds every pending credit dated {@code date} or earlier into its account's journal
     * (they keep their own date, see {@link RunDayEndCutoverHandler}); then the stage moves on. No
     * such credit can appear any more: the switch committed, so new details carry the next date.
     *
     * @return details folded by this call
     */
    public long foldPending(LocalDate date, int batch) {
        long folded = 0;
        for (long accountId : repository.accountsWithPendingOnOrBefore(date)) {
            // fold takes the oldest details (by id) first; a detail dated after `date` folded on the
            // way keeps its own later date, so it is harmless
            int idle = 0;
            while (repository.hasPendingOnOrBefore(accountId, date)) {
                int n = writer.fold(accountId, batch);
                // 0 only when another folder took them between the two reads; never spin forever
                if (n == 0 && ++idle > 3) {
                    throw new IllegalStateException("pending credits of account " + accountId + " dated <= " + date
                            + " do not fold");
                }
                folded += n;
            }
        }
        return folded;
    }

    @Transactional
    public DayEndCutover markFolded(LocalDate date) {
        DayEndCutover cutover = repository.lock(date).orElseThrow();
        if (cutover.stage() != DayEndCutover.Stage.SWITCHED) {
            return cutover;
        }
        DayEndCutover next = cutover.folded();
        repository.update(next);
        return next;
    }

    /**
     * Step 3, one batch: end-of-day balances of the next {@code size} accounts after the cursor,
     * inserted together with the new cursor, under the cutover's row lock (two runners take turns).
     * When no account is left, the cutover completes.
     */
    @Transactional
    public DayEndCutover snapshotBatch(LocalDate date, int size) {
        DayEndCutover cutover = repository.lock(date).orElseThrow();
        if (cutover.stage() != DayEndCutover.Stage.SNAPSHOTTING) {
            return cutover;
        }
        List<Long> ids = repository.accountIds(cutover.cursor(), cutover.lastAccountId(), size);
        DayEndCutover next;
        if (ids.isEmpty()) {
            next = cutover.completedAt(clock.instant());
        } else {
            long upTo = ids.get(ids.size() - 1);
            List<EndOfDayBalance> balances = withSplitAccountsSummed(date, cutover,
                    repository.closeBalances(date, cutover.previousDate(), cutover.cursor(), upTo), upTo);
            repository.insertBalances(balances);
            next = cutover.advancedTo(upTo, balances.size());
        }
        repository.update(next);
        return next;
    }

    /** A split account's own row holds no money: its balance is its sub-accounts' sum (EndOfDayBalance). */
    private List<EndOfDayBalance> withSplitAccountsSummed(LocalDate date, DayEndCutover cutover,
                                                          List<EndOfDayBalance> balances, long upTo) {
        Map<Long, List<EndOfDayBalance>> subs = repository.closeSubAccountBalances(date, cutover.previousDate(),
                cutover.cursor(), upTo);
        if (subs.isEmpty()) {
            return balances;
        }
        List<EndOfDayBalance> summed = new ArrayList<>(balances.size());
        for (EndOfDayBalance b : balances) {
            List<EndOfDayBalance> of = subs.get(b.accountId());
            summed.add(of == null ? b : EndOfDayBalance.ofSplitAccount(b.accountId(), date, b.currency(), of));
        }
        return summed;
    }

    public LocalDate dateInForce() {
        return calendar.dateInForce();
    }
}
