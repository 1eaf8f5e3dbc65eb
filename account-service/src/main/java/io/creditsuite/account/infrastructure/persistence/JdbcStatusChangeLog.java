package io.creditsuite.account.infrastructure.persistence;

import io.creditsuite.account.domain.AccountState;
import io.creditsuite.account.domain.StatusAction;
import io.creditsuite.account.domain.StatusChangeLog;
import io.creditsuite.account.domain.StatusChangeRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The status changes' audit trail in {@code account_status_change}. */
@Repository
class JdbcStatusChangeLog implements StatusChangeLog {
    private static final String COLUMNS = "request_id, account_id, action, status_before, status_after, sub_accounts,"
            + " operator, reason, changed_at";

    private final JdbcTemplate jdbc;

    JdbcStatusChangeLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StatusChangeRecord> find(String requestId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM account_status_change WHERE request_id = ?",
                JdbcStatusChangeLog::map, requestId).stream().findFirst();
    }

    @Override
    public StatusChangeRecord append(StatusChangeRecord c) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("INSERT INTO account_status_change (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.requestId(), c.accountId(), c.action().name(), c.before().name(), c.after().name(), c.subAccounts(),
                c.operator(), c.reason(), Timestamp.from(now));
        return new StatusChangeRecord(c.requestId(), c.accountId(), c.action(), c.before(), c.after(), c.subAccounts(),
                c.operator(), c.reason(), now);
    }

    @Override
    public List<StatusChangeRecord> history(long accountId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM account_status_change WHERE account_id = ? ORDER BY id",
                JdbcStatusChangeLog::map, accountId);
    }

    private static StatusChangeRecord map(ResultSet rs, int row) throws SQLException {
        return new StatusChangeRecord(rs.getString("request_id"), rs.getLong("account_id"),
                StatusAction.valueOf(rs.getString("action")), AccountState.valueOf(rs.getString("status_before")),
                AccountState.valueOf(rs.getString("status_after")), rs.getInt("sub_accounts"), rs.getString("operator"),
                rs.getString("reason"), rs.getTimestamp("changed_at").toInstant());
    }
}
