package io.creditsuite.account.domain;

import java.time.LocalDate;

/**
 * Port: the accounting date in force (会计日期). Every posting reads it inside its own transaction,
 * so the day-end cutover (日切) can switch it while postings continue.
 */
public interface AccountingCalendar {
    LocalDate dateInForce();
}
