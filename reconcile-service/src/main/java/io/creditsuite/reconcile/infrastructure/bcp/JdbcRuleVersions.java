package io.creditsuite.reconcile.infrastructure.bcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.api.reconcile.PairRuleView;
import io.creditsuite.reconcile.application.rule.RuleVersions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code bcp_rule} (one row per version, never updated) and {@code bcp_rule_audit}. */
public class JdbcRuleVersions implements RuleVersions {
    private static final String COLUMNS = "rule_id, version, left_event, right_event, left_key, right_key, match_expr,"
            + " window_seconds, severity, owner_team, description, enabled, created_by, created_at";

    private final JdbcTemplate jdbc;
    private final JdbcRuleAudit audit;

    public JdbcRuleVersions(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.audit = new JdbcRuleAudit(jdbc, json);
    }

    @Override
    public Optional<PairRuleView> latest(String ruleId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bcp_rule WHERE rule_id = ? ORDER BY version DESC LIMIT 1"
                + " FOR UPDATE", this::row, ruleId).stream().findFirst();
    }

    @Override
    public List<PairRuleView> latestOfEach() {
        return jdbc.query("SELECT " + COLUMNS + " FROM bcp_rule r WHERE r.kind = 'PAIR' AND r.version = (SELECT"
                + " MAX(v.version) FROM bcp_rule v WHERE v.rule_id = r.rule_id) ORDER BY r.rule_id", this::row);
    }

    @Override
    public void insert(PairRuleView v) {
        jdbc.update("INSERT INTO bcp_rule (kind, " + COLUMNS + ") VALUES ('PAIR', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                v.ruleId(), v.version(), v.leftEvent(), v.rightEvent(), v.leftKey(), v.rightKey(), v.match(),
                v.windowSeconds(), v.severity(), v.ownerTeam(), v.description(), v.enabled() ? 1 : 0, v.createdBy(),
                Timestamp.from(Instant.ofEpochMilli(v.createdAtEpochMillis())));
    }

    @Override
    public void audit(String action, String who, String reason, PairRuleView before, PairRuleView after) {
        audit.record(action, who, reason, after.ruleId(), after.version(), after.createdAtEpochMillis(), before, after);
    }

    private PairRuleView row(ResultSet rs, int n) throws SQLException {
        return new PairRuleView(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getInt(12) == 1, rs.getString(13), rs.getTimestamp(14).toInstant().toEpochMilli());
    }
}
