package io.creditsuite.account.infrastructure.persistence;

import io.creditsuite.account.domain.AccountingCalendar;
import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The accounting date in force, from the one-row {@code accounting_calendar}, read under a SHARED
 * lock held until the posting's transaction ends. The day-end cutover (日切) moves the date under
 * the row's EXCLUSIVE lock, so it waits for every posting in flight and no posting reads the old
 * date after the switch: a posting carries the date in force when it commits. Postings share the
 * lock with each other, so they do not wait for one another.
 */
@Repository
class JdbcAccountingCalendar implements AccountingCalendar {
    private final JdbcTemplate jdbc;

    JdbcAccountingCalendar(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public LocalDate dateInForce() {
        return jdbc.queryForObject("SELECT date_in_force FROM accounting_calendar WHERE id = 1 LOCK IN SHARE MODE", Date.class).toLocalDate();
    }

    @Override
    public LocalDate holdPostings() {
        return jdbc.queryForObject("SELECT date_in_force FROM accounting_calendar WHERE id = 1 FOR UPDATE", Date.class).toLocalDate();
    }
}
