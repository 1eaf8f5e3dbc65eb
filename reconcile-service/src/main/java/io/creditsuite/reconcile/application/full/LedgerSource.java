package io.creditsuite.reconcile.application.full;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the full check reads of the ledger (account-service's database, a read replica in production). */
public interface LedgerSource {
    /** Debits and credits of one currency on one accounting date, and how many rows made them. */
    record DayTotal(String currency, LocalDate date, long debits, long credits, long rows) {
    }

    /** A closed accounting day and the one closed before it (null for the first). */
    record ClosedDay(LocalDate date, LocalDate previous) {
    }

    /**
     * One account on a closed day: its end-of-day balance (null when it has none), the previous closed day's (0 when
     * none), its journal flows of the day and, for an account split into sub-accounts, theirs.
     */
    record AccountDay(long accountId, String currency, Long endOfDay, long previousEndOfDay, long flows, long rows) {
    }

    /** An account's chain head: its version and the hash of its last entry. */
    record AccountHead(long accountId, long version, String lastHash) {
    }

    long maxJournalId();

    /** Totals of the journal rows with {@code afterId < id <= upToId}, of {@code onlyDate} when it is not null. */
    List<DayTotal> journalTotals(long afterId, long upToId, LocalDate onlyDate);

    /** Totals of the pending (buffered, not yet applied) details, of {@code onlyDate} when it is not null. */
    List<DayTotal> pendingTotals(LocalDate onlyDate);

    /** Totals of one currency and date over the journal and the pending details, in one statement (one snapshot). */
    DayTotal confirmTotals(String currency, LocalDate date);

    Optional<ClosedDay> closedDay(LocalDate date);

    Optional<ClosedDay> latestClosedDay();

    long maxAccountId();

    /** The accounts with {@code afterId < id <= upToId} that have an end-of-day balance or flows on {@code day}. */
    List<AccountDay> accountDays(ClosedDay day, long afterId, long upToId);

    /** The chain heads of the accounts with {@code afterId < id <= upToId}. */
    List<AccountHead> heads(long afterId, long upToId);

    /** The balances (available + frozen) of the accounts, by id; an unknown account is absent. */
    Map<Long, Long> balances(Collection<Long> accountIds);
}
