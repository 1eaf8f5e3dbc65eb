package io.creditsuite.reconcile.infrastructure.bcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.reconcile.application.realtime.FactStore;
import io.creditsuite.reconcile.domain.fact.Fact;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** {@code bcp_fact}: the unique (event type, business key) makes a duplicate a no-op. */
public class JdbcFactStore implements FactStore {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public JdbcFactStore(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public OptionalLong insert(Fact fact) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(c -> {
                var ps = c.prepareStatement("INSERT INTO bcp_fact (event_type, business_key, ordering_key, occurred_at,"
                        + " trace_id, payload_json, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
                ps.setString(1, fact.eventType());
                ps.setString(2, fact.businessKey());
                ps.setString(3, fact.orderingKey());
                ps.setTimestamp(4, Timestamp.from(fact.occurredAt()));
                ps.setString(5, fact.traceId());
                ps.setString(6, write(fact.payload()));
                ps.setTimestamp(7, Timestamp.from(clock.instant()));
                return ps;
            }, key);
        } catch (DuplicateKeyException e) {
            return OptionalLong.empty(); // the same fact from a concurrent delivery
        }
        return OptionalLong.of(key.getKey().longValue());
    }

    @Override
    public Optional<Fact> byId(long factId) {
        return jdbc.query("SELECT event_type, business_key, ordering_key, occurred_at, trace_id, payload_json"
                        + " FROM bcp_fact WHERE id = ?", (rs, n) -> new Fact(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5), read(rs.getString(6))),
                factId).stream().findFirst();
    }

    private String write(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the payload", e);
        }
    }

    private Map<String, Object> read(String payload) {
        try {
            return EventPayloads.normalised(json.readValue(payload, MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored payload is not JSON", e);
        }
    }
}
