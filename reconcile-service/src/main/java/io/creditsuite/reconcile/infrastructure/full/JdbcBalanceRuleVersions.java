package io.creditsuite.reconcile.infrastructure.full;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.api.reconcile.BalanceRuleView;
import io.creditsuite.reconcile.application.rule.BalanceRuleVersions;
import io.creditsuite.reconcile.infrastructure.bcp.JdbcRuleAudit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bcp_balance_rule} (one row per version, never updated: {@link JdbcBalanceRules} reads the highest) and
 * {@code bcp_rule_audit}.
 */
public class JdbcBalanceRuleVersions implements BalanceRuleVersions {
    private static final String COLUMNS = "rule_id, version, pass, terms_json, tolerance_minor, severity, owner_team,"
            + " description, enabled, created_by, created_at";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final JdbcRuleAudit audit;

    public JdbcBalanceRuleVersions(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = new JdbcRuleAudit(jdbc, json);
    }

    @Override
    public Optional<BalanceRuleView> latest(String ruleId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bcp_balance_rule WHERE rule_id = ? ORDER BY version DESC LIMIT 1"
                + " FOR UPDATE", this::row, ruleId).stream().findFirst();
    }

    @Override
    public List<BalanceRuleView> latestOfEach() {
        return jdbc.query("SELECT " + COLUMNS + " FROM bcp_balance_rule r WHERE r.version = (SELECT MAX(v.version)"
                + " FROM bcp_balance_rule v WHERE v.rule_id = r.rule_id) ORDER BY r.rule_id", this::row);
    }

    @Override
    public void insert(BalanceRuleView v) {
        jdbc.update("INSERT INTO bcp_balance_rule (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                v.ruleId(), v.version(), v.pass(), termsJson(v), v.toleranceMinor(), v.severity(), v.ownerTeam(),
                v.description(), v.enabled() ? 1 : 0, v.createdBy(),
                Timestamp.from(Instant.ofEpochMilli(v.createdAtEpochMillis())));
    }

    @Override
    public void audit(String action, String who, String reason, BalanceRuleView before, BalanceRuleView after) {
        audit.record(action, who, reason, after.ruleId(), after.version(), after.createdAtEpochMillis(), before, after);
    }

    private String termsJson(BalanceRuleView v) {
        try {
            return json.writeValueAsString(new TreeMap<>(v.terms()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the terms of " + v.ruleId(), e);
        }
    }

    private BalanceRuleView row(ResultSet rs, int n) throws SQLException {
        return new BalanceRuleView(rs.getString(1), rs.getInt(2), rs.getString(3),
                new TreeMap<>(JdbcBalanceRules.terms(json, rs.getString(4))), rs.getLong(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getInt(9) == 1, rs.getString(10),
                rs.getTimestamp(11).toInstant().toEpochMilli());
    }
}
