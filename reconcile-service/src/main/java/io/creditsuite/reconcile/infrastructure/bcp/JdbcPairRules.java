package io.creditsuite.reconcile.infrastructure.bcp;

import io.creditsuite.reconcile.application.realtime.PairRules;
import io.creditsuite.reconcile.domain.check.PairRule;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code bcp_rule}: of each rule id, the highest version, when it is enabled. */
public class JdbcPairRules implements PairRules {
    private final JdbcTemplate jdbc;

    public JdbcPairRules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PairRule> inForce() {
        return jdbc.query("SELECT r.rule_id, r.version, r.left_event, r.right_event, r.left_key, r.right_key,"
                        + " r.match_expr, r.window_seconds, r.severity, r.owner_team, r.description FROM bcp_rule r"
                        + " WHERE r.kind = 'PAIR' AND r.enabled = 1 AND r.version = (SELECT MAX(v.version) FROM"
                        + " bcp_rule v WHERE v.rule_id = r.rule_id) ORDER BY r.rule_id",
                (rs, n) -> new PairRule(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), Duration.ofSeconds(rs.getInt(8)),
                        rs.getString(9), rs.getString(10), rs.getString(11)));
    }
}
