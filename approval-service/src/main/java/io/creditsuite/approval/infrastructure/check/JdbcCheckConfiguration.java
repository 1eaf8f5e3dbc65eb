package io.creditsuite.approval.infrastructure.check;

import io.creditsuite.approval.domain.check.CheckConfiguration;
import io.creditsuite.approval.domain.check.RiskRule;
import io.creditsuite.approval.domain.check.RuleSet;
import io.creditsuite.approval.domain.check.Scorecard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rule sets and scorecards from {@code check_rule_set}, {@code check_rule}, {@code check_scorecard*}. */
public class JdbcCheckConfiguration implements CheckConfiguration {
    private final JdbcTemplate jdbc;

    public JdbcCheckConfiguration(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String activeRuleSetVersion() {
        return jdbc.queryForObject("SELECT version FROM check_rule_set WHERE status = 'ACTIVE'", String.class);
    }

    @Override
    public String activeScorecardVersion() {
        return jdbc.queryForObject("SELECT version FROM check_scorecard WHERE status = 'ACTIVE'", String.class);
    }

    @Override
    public RuleSet ruleSet(String version) {
        List<RiskRule> rules = jdbc.query("SELECT code, description, expression, outcome FROM check_rule"
                + " WHERE version = ? ORDER BY seq", (rs, n) -> new RiskRule(rs.getString(1), rs.getString(2),
                rs.getString(3), RiskRule.RuleOutcome.valueOf(rs.getString(4))), version);
        return new RuleSet(version, rules);
    }

    @Override
    public Scorecard scorecard(String version) {
        record Head(String version, int base, int reject, int fastTrack) {
        }
        Head head = jdbc.queryForObject("SELECT version, base_score, reject_cutoff, fast_track_cutoff FROM"
                + " check_scorecard WHERE version = ?", (rs, n) -> new Head(rs.getString(1), rs.getInt(2),
                rs.getInt(3), rs.getInt(4)), version);
        Map<String, List<Scorecard.Bin>> bins = new LinkedHashMap<>();
        jdbc.query("SELECT characteristic, label, predicate, points FROM check_scorecard_bin WHERE version = ?"
                + " ORDER BY char_seq, bin_seq", rs -> {
                    bins.computeIfAbsent(rs.getString(1), c -> new ArrayList<>()).add(new Scorecard.Bin(
                            rs.getString(2), rs.getString(3), rs.getInt(4)));
                }, head.version());
        List<Scorecard.Characteristic> characteristics = new ArrayList<>();
        bins.forEach((code, list) -> characteristics.add(new Scorecard.Characteristic(code, list)));
        return new Scorecard(head.version(), head.base(), head.reject(), head.fastTrack(), characteristics);
    }
}
