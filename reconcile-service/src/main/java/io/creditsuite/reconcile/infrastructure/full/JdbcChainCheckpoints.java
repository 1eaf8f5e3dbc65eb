package io.creditsuite.reconcile.infrastructure.full;

import io.creditsuite.reconcile.application.full.ChainCheckpoints;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code bcp_chain_checkpoint}, in reconcile-service's own schema. */
public class JdbcChainCheckpoints implements ChainCheckpoints {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcChainCheckpoints(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<Long, Checkpoint> between(long afterId, long upToId) {
        Map<Long, Checkpoint> found = new HashMap<>();
        jdbc.query("SELECT account_id, version, hash FROM bcp_chain_checkpoint WHERE account_id > ? AND account_id <= ?",
                rs -> {
                    found.put(rs.getLong(1), new Checkpoint(rs.getLong(2), rs.getString(3)));
                }, afterId, upToId);
        return found;
    }

    @Override
    public void save(long accountId, Checkpoint checkpoint) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("UPDATE bcp_chain_checkpoint SET version = ?, hash = ?, verified_at = ? WHERE account_id = ?",
                checkpoint.version(), checkpoint.hash(), now, accountId) == 0) {
            jdbc.update("INSERT INTO bcp_chain_checkpoint (account_id, version, hash, verified_at) VALUES (?, ?, ?, ?)",
                    accountId, checkpoint.version(), checkpoint.hash(), now);
        }
    }
}
