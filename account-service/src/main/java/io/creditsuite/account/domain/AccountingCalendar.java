package io.creditsuite.account.domain;

import java.time.LocalDate;

/**
 * Port: the accounting date in force (会计日期). Every posting reads it inside its own transaction,
 * so the day-end cutover (日切) can switch it while postings continue.
 *
 * <p>Contract: the read holds a shared lock until the reading transaction ends (the cutover's
 * switch takes it exclusively), and it must be the FIRST lock a posting transaction takes: a
 * posting that held an account lock while waiting behind the switch could deadlock with one that
 * holds the shared lock and waits for that account.
 */
public interface AccountingCalendar {
    LocalDate dateInForce();

    /**
     * Takes the calendar EXCLUSIVELY until the transaction ends, as its first lock: waits for every
     * posting in flight and holds new ones back. An account status change uses it so that no
     * posting that read the old status (a summary-posted credit reads its account without a lock)
     * can commit after the change.
     */
    LocalDate holdPostings();
}
