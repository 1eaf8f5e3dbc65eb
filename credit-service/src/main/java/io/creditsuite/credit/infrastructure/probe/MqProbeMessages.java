package io.creditsuite.credit.infrastructure.probe;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code mq_probe_message}: the local record of every probe message credit-service published. */
@Component
class MqProbeMessages {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    MqProbeMessages(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Throws {@code DuplicateKeyException} when the probe id was already published. */
    void insert(String probeId, boolean transactional) {
        jdbc.update("INSERT INTO mq_probe_message (probe_id, transactional, created_at) VALUES (?, ?, ?)",
                probeId, transactional, Timestamp.from(clock.instant()));
    }

    boolean exists(String probeId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM mq_probe_message WHERE probe_id = ?",
                Integer.class, probeId);
        return count != null && count > 0;
    }
}
