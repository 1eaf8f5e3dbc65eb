package io.creditsuite.account.infrastructure.persistence;

import io.creditsuite.account.domain.AccountingCalendar;
import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The accounting date in force, from the one-row {@code accounting_calendar}. Read in the
 * posting's own transaction: a posting carries the date in force when it commits. The day-end
 * cutover (日切) will replace this adapter, not the posting code.
 */
@Repository
class JdbcAccountingCalendar implements AccountingCalendar {
    private final JdbcTemplate jdbc;

    JdbcAccountingCalendar(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public LocalDate dateInForce() {
        return jdbc.queryForObject("SELECT date_in_force FROM accounting_calendar WHERE id = 1", Date.class).toLocalDate();
    }
}
