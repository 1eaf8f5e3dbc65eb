package io.creditsuite.reconcile.infrastructure.bcp;

import io.creditsuite.reconcile.application.realtime.PairStore;
import io.creditsuite.reconcile.domain.check.Pair;
import io.creditsuite.reconcile.domain.check.PairState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code bcp_pair}, one row per (rule, key), locked with SELECT ... FOR UPDATE while a fact or a sweep decides it. */
public class JdbcPairStore implements PairStore {
    private static final String COLUMNS = "rule_id, pair_key, left_fact_id, right_fact_id, due_at, state, extensions";

    private final JdbcTemplate jdbc;

    public JdbcPairStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Pair lock(Pair fresh) {
        // MySQL 8 and MariaDB both: a no-op update on the duplicate key, so two first sides never both insert
        jdbc.update("INSERT INTO bcp_pair (" + COLUMNS + ", updated_at) VALUES (?, ?, NULL, NULL, ?, ?, 0, ?)"
                        + " ON DUPLICATE KEY UPDATE rule_id = rule_id", fresh.ruleId(), fresh.pairKey(),
                Timestamp.from(fresh.dueAt()), fresh.state().name(), Timestamp.from(Instant.now()));
        return jdbc.queryForObject("SELECT " + COLUMNS + " FROM bcp_pair WHERE rule_id = ? AND pair_key = ? FOR UPDATE",
                this::row, fresh.ruleId(), fresh.pairKey());
    }

    @Override
    public void save(Pair p, Instant now) {
        jdbc.update("UPDATE bcp_pair SET left_fact_id = ?, right_fact_id = ?, due_at = ?, state = ?, extensions = ?,"
                        + " updated_at = ? WHERE rule_id = ? AND pair_key = ?", p.leftFactId(), p.rightFactId(),
                Timestamp.from(p.dueAt()), p.state().name(), p.extensions(), Timestamp.from(now), p.ruleId(),
                p.pairKey());
    }

    @Override
    public List<Pair> overdue(Instant now, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bcp_pair WHERE state = 'WAITING' AND due_at <= ? ORDER BY due_at"
                + " LIMIT ? FOR UPDATE SKIP LOCKED", this::row, Timestamp.from(now), limit);
    }

    private Pair row(ResultSet rs, int n) throws SQLException {
        return new Pair(rs.getString(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
                (Long) rs.getObject(4, Long.class), rs.getTimestamp(5).toInstant(), PairState.valueOf(rs.getString(6)),
                rs.getInt(7));
    }
}
