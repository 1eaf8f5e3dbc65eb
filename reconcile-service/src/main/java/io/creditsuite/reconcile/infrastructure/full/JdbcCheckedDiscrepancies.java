package io.creditsuite.reconcile.infrastructure.full;

import io.creditsuite.reconcile.application.full.CheckedDiscrepancies;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The unresolved discrepancies of a full check's rule, from {@code bcp_discrepancy}. */
public class JdbcCheckedDiscrepancies implements CheckedDiscrepancies {
    private final JdbcTemplate jdbc;

    public JdbcCheckedDiscrepancies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Long> unresolvedNotFoundSince(String ruleId, Instant before, String fingerprint, String period) {
        StringBuilder sql = new StringBuilder("SELECT id FROM bcp_discrepancy WHERE rule_id = ? AND state <> 'RESOLVED'"
                + " AND updated_at < ?");
        List<Object> args = new ArrayList<>(List.of(ruleId, Timestamp.from(before)));
        if (fingerprint != null) {
            sql.append(" AND fingerprint = ?");
            args.add(fingerprint);
        }
        if (period != null) {
            sql.append(" AND period = ?");
            args.add(period);
        }
        return jdbc.queryForList(sql.append(" ORDER BY id").toString(), Long.class, args.toArray());
    }
}
