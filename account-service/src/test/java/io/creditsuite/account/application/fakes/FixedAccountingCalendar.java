package io.creditsuite.account.application.fakes;

import io.creditsuite.account.domain.AccountingCalendar;
import java.time.LocalDate;

/** One accounting date, never switched (the day-end cutover is not exercised here). */
public record FixedAccountingCalendar(LocalDate date) implements AccountingCalendar {
    @Override
    public LocalDate dateInForce() {
        return date;
    }

    @Override
    public LocalDate holdPostings() {
        return date;
    }
}
