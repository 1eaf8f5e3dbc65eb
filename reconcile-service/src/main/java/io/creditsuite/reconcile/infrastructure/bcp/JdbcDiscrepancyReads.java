package io.creditsuite.reconcile.infrastructure.bcp;

import io.creditsuite.api.reconcile.DiscrepancyView;
import io.creditsuite.api.reconcile.TransitionView;
import io.creditsuite.reconcile.application.discrepancy.DiscrepancyReads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code bcp_discrepancy} with its transitions, for people. */
public class JdbcDiscrepancyReads implements DiscrepancyReads {
    private static final String COLUMNS = "id, rule_id, fingerprint, period, state, resolution, voucher_no, detail,"
            + " occurrences, severity, owner_team, trace_ids, business_ids, opened_at, updated_at";

    private final JdbcTemplate jdbc;

    public JdbcDiscrepancyReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DiscrepancyView> list(String state, String ruleId, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (state != null) {
            where.append(" AND state = ?");
            args.add(state);
        }
        if (ruleId != null) {
            where.append(" AND rule_id = ?");
            args.add(ruleId);
        }
        args.add(limit);
        return jdbc.query("SELECT " + COLUMNS + " FROM bcp_discrepancy" + where + " ORDER BY id DESC LIMIT ?",
                this::row, args.toArray());
    }

    @Override
    public Optional<DiscrepancyView> byId(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bcp_discrepancy WHERE id = ?", this::row, id).stream()
                .findFirst();
    }

    private DiscrepancyView row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong(1);
        List<TransitionView> transitions = jdbc.query("SELECT at, actor, from_state, to_state, why FROM"
                        + " bcp_discrepancy_transition WHERE discrepancy_id = ? ORDER BY id",
                (t, m) -> new TransitionView(t.getTimestamp(1).toInstant().toEpochMilli(), t.getString(2),
                        t.getString(3), t.getString(4), t.getString(5)), id);
        return new DiscrepancyView(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant().toEpochMilli(),
                rs.getTimestamp(15).toInstant().toEpochMilli(), transitions);
    }
}
