package io.creditsuite.reconcile.infrastructure.bcp;

import io.creditsuite.reconcile.application.realtime.DiscrepancyStore;
import io.creditsuite.reconcile.domain.discrepancy.Discrepancy;
import io.creditsuite.reconcile.domain.discrepancy.DiscrepancyState;
import io.creditsuite.reconcile.domain.discrepancy.Resolution;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code bcp_discrepancy} (unique per rule, fingerprint and period) and its transitions. */
public class JdbcDiscrepancyStore implements DiscrepancyStore {
    private final JdbcTemplate jdbc;

    public JdbcDiscrepancyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Discrepancy> lock(String ruleId, String fingerprint, String period) {
        return jdbc.query("SELECT state, resolution, voucher_no, detail, occurrences FROM bcp_discrepancy"
                        + " WHERE rule_id = ? AND fingerprint = ? AND period = ? FOR UPDATE",
                (rs, n) -> Discrepancy.restore(ruleId, fingerprint, period, DiscrepancyState.valueOf(rs.getString(1)),
                        rs.getString(2) == null ? null : Resolution.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getInt(5)), ruleId, fingerprint, period).stream().findFirst();
    }

    @Override
    public Optional<Located> lockById(long id) {
        return jdbc.query("SELECT rule_id, fingerprint, period, state, resolution, voucher_no, detail, occurrences,"
                        + " severity, owner_team, trace_ids, business_ids FROM bcp_discrepancy WHERE id = ? FOR UPDATE",
                (rs, n) -> new Located(Discrepancy.restore(rs.getString(1), rs.getString(2), rs.getString(3),
                        DiscrepancyState.valueOf(rs.getString(4)),
                        rs.getString(5) == null ? null : Resolution.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getString(7), rs.getInt(8)),
                        new Context(rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12))), id)
                .stream().findFirst();
    }

    @Override
    public void save(Discrepancy d, Context context) {
        List<Discrepancy.Transition> transitions = d.transitions();
        Instant at = transitions.isEmpty() ? Instant.now() : transitions.get(transitions.size() - 1).at();
        int updated = jdbc.update("UPDATE bcp_discrepancy SET state = ?, resolution = ?, voucher_no = ?, detail = ?,"
                        + " occurrences = ?, trace_ids = ?, business_ids = ?, updated_at = ?, version = version + 1"
                        + " WHERE rule_id = ? AND fingerprint = ? AND period = ?", d.state().name(),
                d.resolution() == null ? null : d.resolution().name(), d.voucherNo(), clip(d.detail(), 2000),
                d.occurrences(), clip(context.traceIds(), 512), clip(context.businessIds(), 512), Timestamp.from(at),
                d.ruleId(), d.fingerprint(), d.period());
        if (updated == 0) {
            jdbc.update("INSERT INTO bcp_discrepancy (rule_id, fingerprint, period, state, resolution, voucher_no, detail,"
                            + " occurrences, severity, owner_team, trace_ids, business_ids, opened_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", d.ruleId(), d.fingerprint(),
                    d.period(), d.state().name(), d.resolution() == null ? null : d.resolution().name(), d.voucherNo(),
                    clip(d.detail(), 2000), d.occurrences(), context.severity(), context.ownerTeam(),
                    clip(context.traceIds(), 512), clip(context.businessIds(), 512), Timestamp.from(at),
                    Timestamp.from(at));
        }
        Long id = jdbc.queryForObject("SELECT id FROM bcp_discrepancy WHERE rule_id = ? AND fingerprint = ? AND period = ?",
                Long.class, d.ruleId(), d.fingerprint(), d.period());
        for (Discrepancy.Transition t : transitions) {
            jdbc.update("INSERT INTO bcp_discrepancy_transition (discrepancy_id, at, actor, from_state, to_state, why)"
                            + " VALUES (?, ?, ?, ?, ?, ?)", id, Timestamp.from(t.at()), t.actor(),
                    t.from() == null ? null : t.from().name(), t.to().name(), clip(t.why(), 2000));
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
