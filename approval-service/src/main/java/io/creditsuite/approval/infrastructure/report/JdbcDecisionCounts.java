package io.creditsuite.approval.infrastructure.report;

import io.creditsuite.approval.application.report.DecisionCounts;
import io.creditsuite.approval.domain.application.HistoryEntry;
import io.creditsuite.approval.domain.application.ReviewStep;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts reviewers' decisions in {@code application_history} (times are stored in UTC, so {@code DATE(at)} is the UTC
 * day), over the index on {@code at} (V5).
 */
public class JdbcDecisionCounts implements DecisionCounts {
    private final JdbcTemplate jdbc;

    public JdbcDecisionCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Count> between(Instant from, Instant to) {
        return jdbc.query("SELECT DATE(at), actor, stage, action, COUNT(*) FROM application_history"
                        + " WHERE at >= ? AND at < ? AND actor <> ? AND stage IS NOT NULL"
                        + " AND action IN ('APPROVE', 'REJECT', 'SEND_BACK')"
                        + " GROUP BY DATE(at), actor, stage, action",
                (rs, n) -> new Count(rs.getObject(1, LocalDate.class), rs.getString(2), ReviewStep.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getInt(5)),
                Timestamp.from(from), Timestamp.from(to), HistoryEntry.SYSTEM);
    }
}
