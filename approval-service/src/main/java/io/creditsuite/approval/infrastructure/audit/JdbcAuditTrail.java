package io.creditsuite.approval.infrastructure.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.approval.domain.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code approval_audit}: one row per change, before and after as JSON. */
public class JdbcAuditTrail implements AuditTrail {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcAuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void record(String actor, String entity, String entityId, String action, Object before, Object after) {
        jdbc.update("INSERT INTO approval_audit (at, actor, entity, entity_id, action, before_json, after_json)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), actor, entity, entityId, action,
                json(before), json(after));
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit's JSON", e);
        }
    }
}
