package io.creditsuite.reconcile.infrastructure.bcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bcp_rule_audit}, shared by the pair and the balance rules: one row per change (who, when, why, the version
 * before and after as JSON), written in the caller's transaction so a change and its audit commit together.
 */
public class JdbcRuleAudit {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public JdbcRuleAudit(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param before the version superseded, or null for a new rule
     * @param after  the version written, whose rule id, number and time the row takes
     */
    public void record(String action, String who, String reason, String ruleId, int version, long atEpochMillis,
                       Object before, Object after) {
        jdbc.update("INSERT INTO bcp_rule_audit (rule_id, version, action, actor, at, reason, before_json, after_json)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ruleId, version, action, who,
                Timestamp.from(Instant.ofEpochMilli(atEpochMillis)), reason, before == null ? null : write(before),
                write(after));
    }

    private String write(Object version) {
        try {
            return json.writeValueAsString(version);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the rule", e);
        }
    }
}
