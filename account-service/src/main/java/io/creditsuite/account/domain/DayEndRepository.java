package io.creditsuite.account.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: cutover records, the calendar switch, and end-of-day balances. */
public interface DayEndRepository {

    Optional<DayEndCutover> find(LocalDate closedDate);

    /** The most recent cutover (by closed date), or empty when none ran. */
    Optional<DayEndCutover> latest();

    /** Reads the cutover under its row lock, for a step that changes it. */
    Optional<DayEndCutover> lock(LocalDate closedDate);

    /**
     * Locks the calendar row exclusively (waits for every posting that holds it shared) and returns
     * the date in force.
     */
    LocalDate lockDateInForce();

    /** Moves the date in force; only called with the calendar row locked. */
    void moveDateInForce(LocalDate from, LocalDate to);

    long maxAccountId();

    void insert(DayEndCutover cutover);

    /** Stores the new state of a cutover whose row this transaction locked. */
    void update(DayEndCutover cutover);

    /** Accounts holding pending credits dated {@code date} or earlier. */
    List<Long> accountsWithPendingOnOrBefore(LocalDate date);

    boolean hasPendingOnOrBefore(long accountId, LocalDate date);

    /** Ids of accounts in {@code (afterId, upToId]}, ascending, at most {@code limit}. */
    List<Long> accountIds(long afterId, long upToId, int limit);

    /**
     * For each account in {@code (afterId, upToId]}: its previous end-of-day balance (0 if none) and
     * the journal flows dated in {@code (previousDate, date]} (all dates up to {@code date} when
     * previousDate is null), closed into end-of-day balances.
     */
    List<EndOfDayBalance> closeBalances(LocalDate date, LocalDate previousDate, long afterId, long upToId);

    /**
     * The sub-accounts of the split accounts in {@code (afterId, upToId]}, each closed as {@link #closeBalances}
     * closes an account, grouped by their split account.
     */
    Map<Long, List<EndOfDayBalance>> closeSubAccountBalances(LocalDate date, LocalDate previousDate, long afterId,
                                                             long upToId);

    /** Inserts end-of-day balances; a second row for an (account, date) fails. */
    void insertBalances(List<EndOfDayBalance> balances);

    Optional<EndOfDayBalance> balance(long accountId, LocalDate date);

    /** The near-real-time balance of one account row, based on its latest end-of-day balance on or before {@code baseLimit}. */
    NearRealTimeBalance nearRealTime(long accountId, LocalDate baseLimit);
}
