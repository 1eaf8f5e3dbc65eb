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
}
