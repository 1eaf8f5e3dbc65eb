package io.creditsuite.approval.infrastructure.check;

import io.creditsuite.approval.domain.check.BlacklistEntry;
import io.creditsuite.approval.domain.check.CheckAdminStore;
import io.creditsuite.approval.domain.check.RiskRule;
import io.creditsuite.approval.domain.check.RuleSet;
import io.creditsuite.approval.domain.check.Scorecard;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publishes versions into {@code check_rule_set} / {@code check_rule} and {@code check_scorecard} /
 * {@code check_scorecard_bin}; the ACTIVE row is locked first, so two publishers take turns, and the unique
 * {@code active_flag} keeps one ACTIVE version whatever happens.
 */
public class JdbcCheckAdminStore implements CheckAdminStore {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcCheckAdminStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean ruleSetExists(String version) {
        return count("SELECT COUNT(*) FROM check_rule_set WHERE version = ?", version) > 0;
    }

    @Override
    public boolean scorecardExists(String version) {
        return count("SELECT COUNT(*) FROM check_scorecard WHERE version = ?", version) > 0;
    }

    @Override
    public Optional<String> activateRuleSet(RuleSet ruleSet, String publishedBy) {
        Optional<String> active = lockActive("check_rule_set");
        active.ifPresent(v -> jdbc.update("UPDATE check_rule_set SET status = 'SUPERSEDED' WHERE version = ?", v));
        jdbc.update("INSERT INTO check_rule_set (version, status, published_by, published_at) VALUES (?, 'ACTIVE', ?, ?)",
                ruleSet.version(), publishedBy, Timestamp.from(clock.instant()));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ruleSet.rules().size(); i++) {
            RiskRule r = ruleSet.rules().get(i);
            rows.add(new Object[] {ruleSet.version(), i + 1, r.code(), r.description(), r.expression(),
                r.outcome().name()});
        }
        jdbc.batchUpdate("INSERT INTO check_rule (version, seq, code, description, expression, outcome) VALUES"
                + " (?, ?, ?, ?, ?, ?)", rows);
        return active;
    }

    @Override
    public Optional<String> activateScorecard(Scorecard card, String publishedBy) {
        Optional<String> active = lockActive("check_scorecard");
        active.ifPresent(v -> jdbc.update("UPDATE check_scorecard SET status = 'SUPERSEDED' WHERE version = ?", v));
        jdbc.update("INSERT INTO check_scorecard (version, status, base_score, reject_cutoff, fast_track_cutoff,"
                        + " published_by, published_at) VALUES (?, 'ACTIVE', ?, ?, ?, ?, ?)", card.version(),
                card.baseScore(), card.rejectCutoff(), card.fastTrackCutoff(), publishedBy,
                Timestamp.from(clock.instant()));
        List<Object[]> rows = new ArrayList<>();
        for (int c = 0; c < card.characteristics().size(); c++) {
            Scorecard.Characteristic characteristic = card.characteristics().get(c);
            for (int b = 0; b < characteristic.bins().size(); b++) {
                Scorecard.Bin bin = characteristic.bins().get(b);
                rows.add(new Object[] {card.version(), c + 1, characteristic.code(), b + 1, bin.label(),
                    bin.predicate(), bin.points()});
            }
        }
        jdbc.batchUpdate("INSERT INTO check_scorecard_bin (version, char_seq, characteristic, bin_seq, label, predicate,"
                + " points) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
        return active;
    }

    @Override
    public void addBlacklistEntry(BlacklistEntry e, String createdBy) {
        jdbc.update("INSERT INTO blacklist_entry (entry_id, kind, value, reason, active, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, 1, ?, ?)", e.entryId(), e.kind(), e.value(), e.reason(), createdBy,
                Timestamp.from(clock.instant()));
    }

    @Override
    public Optional<BlacklistEntry> activeBlacklistEntry(String entryId) {
        return jdbc.query("SELECT entry_id, kind, value, reason FROM blacklist_entry WHERE entry_id = ? AND active = 1",
                (rs, n) -> new BlacklistEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                entryId).stream().findFirst();
    }

    @Override
    public List<BlacklistEntry> activeBlacklistEntries(int limit) {
        return jdbc.query("SELECT entry_id, kind, value, reason FROM blacklist_entry WHERE active = 1 ORDER BY"
                        + " created_at DESC, entry_id LIMIT ?",
                (rs, n) -> new BlacklistEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                limit);
    }

    @Override
    public void deactivateBlacklistEntry(String entryId) {
        jdbc.update("UPDATE blacklist_entry SET active = 0 WHERE entry_id = ?", entryId);
    }

    private Optional<String> lockActive(String table) {
        return jdbc.queryForList("SELECT version FROM " + table + " WHERE status = 'ACTIVE' FOR UPDATE", String.class)
                .stream().findFirst();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
