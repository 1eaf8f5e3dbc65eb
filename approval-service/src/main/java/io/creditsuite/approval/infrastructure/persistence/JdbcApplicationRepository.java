package io.creditsuite.approval.infrastructure.persistence;

import io.creditsuite.approval.domain.application.Applicant;
import io.creditsuite.approval.domain.application.ApplicationFacts;
import io.creditsuite.approval.domain.application.ApplicationRecord;
import io.creditsuite.approval.domain.application.ApplicationRepository;
import io.creditsuite.approval.domain.application.ApplicationState;
import io.creditsuite.approval.domain.application.CreditApplication;
import io.creditsuite.approval.domain.application.HistoryEntry;
import io.creditsuite.approval.domain.application.ReviewProgress;
import io.creditsuite.approval.domain.application.ReviewStep;
import io.creditsuite.approval.domain.check.CheckFinding;
import io.creditsuite.approval.domain.check.CheckReport;
import io.creditsuite.approval.domain.check.Route;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code credit_application}, {@code application_check_finding}, {@code application_history}. */
public class JdbcApplicationRepository implements ApplicationRepository {
    /** Ids per IN list: well under any server's placeholder limit. */
    private static final int IN_CHUNK = 500;
    private static final String COLUMNS = "application_id, partner_id, partner_application_id, body_hash, customer_id,"
            + " applicant_name, identity_type, identity_number, phone, age, industry, declared_revenue_minor,"
            + " region_path, product_line, limit_type, currency, requested_minor, term_months, product_ids,"
            + " callback_url, route, score, rules_version, scorecard_version, check_reason_code, state, step, approved_first_minor,"
            + " approved_final_minor, approved_recheck_minor, actors, reason_code, line_id, submitted_at, decided_at,"
            + " version";

    private final JdbcTemplate jdbc;

    public JdbcApplicationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(ApplicationRecord r) {
        ApplicationFacts f = r.application().facts();
        Applicant a = r.applicant();
        ReviewProgress p = r.application().progress();
        CheckReport c = r.checks();
        try {
            jdbc.update("INSERT INTO credit_application (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    f.applicationId(), f.partnerId(), f.partnerApplicationId(), r.bodyHash(), f.customerId(), a.name(),
                    a.identityType(), a.identityNumber(), a.phone(), a.age(), a.industry(),
                    a.declaredAnnualRevenueMinor(), f.regionPath(), f.productLine(), r.limitType(), f.currency(),
                    f.requestedMinor(), f.termMonths(), String.join(",", f.productIds()), r.callbackUrl(),
                    c.route().name(), c.score(), c.rulesVersion(), c.scorecardVersion(), c.reasonCode(), p.state().name(),
                    p.step() == null ? null : p.step().name(), p.approvedByStep().get(ReviewStep.FIRST_REVIEW),
                    p.approvedByStep().get(ReviewStep.FINAL_REVIEW), p.approvedByStep().get(ReviewStep.RECHECK),
                    String.join(",", p.actors()), p.reasonCode(), p.lineId(), Timestamp.from(r.submittedAt()),
                    r.decidedAt() == null ? null : Timestamp.from(r.decidedAt()));
        } catch (DuplicateKeyException e) {
            return false;
        }
        List<CheckFinding> findings = c.findings();
        jdbc.batchUpdate("INSERT INTO application_check_finding (application_id, seq, kind, code, detail, outcome)"
                + " VALUES (?, ?, ?, ?, ?, ?)", findings, findings.size(), (ps, finding) -> {
                    ps.setString(1, f.applicationId());
                    ps.setInt(2, findings.indexOf(finding));
                    ps.setString(3, finding.kind());
                    ps.setString(4, finding.code());
                    ps.setString(5, finding.detail());
                    ps.setString(6, finding.outcome());
                });
        return true;
    }

    @Override
    public Optional<ApplicationRecord> byId(String applicationId) {
        return one("application_id = ?", applicationId);
    }

    @Override
    public Map<String, ApplicationRecord> summariesByIds(Collection<String> applicationIds) {
        Map<String, ApplicationRecord> found = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(applicationIds));
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            jdbc.query("SELECT " + COLUMNS + " FROM credit_application WHERE application_id IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", this::row,
                    chunk.toArray()).forEach(r -> found.put(r.application().facts().applicationId(), r));
        }
        return found;
    }

    @Override
    public Optional<ApplicationRecord> byPartnerApplicationId(String partnerId, String partnerApplicationId) {
        return one("partner_id = ? AND partner_application_id = ?", partnerId, partnerApplicationId);
    }

    @Override
    public boolean update(ApplicationRecord r) {
        ReviewProgress p = r.application().progress();
        return jdbc.update("UPDATE credit_application SET state = ?, step = ?, approved_first_minor = ?,"
                        + " approved_final_minor = ?, approved_recheck_minor = ?, actors = ?, reason_code = ?,"
                        + " line_id = ?, decided_at = ?, version = version + 1 WHERE application_id = ? AND version = ?",
                p.state().name(), p.step() == null ? null : p.step().name(),
                p.approvedByStep().get(ReviewStep.FIRST_REVIEW), p.approvedByStep().get(ReviewStep.FINAL_REVIEW),
                p.approvedByStep().get(ReviewStep.RECHECK), String.join(",", p.actors()), p.reasonCode(), p.lineId(),
                r.decidedAt() == null ? null : Timestamp.from(r.decidedAt()),
                r.application().facts().applicationId(), r.version()) == 1;
    }

    @Override
    public void appendHistory(String applicationId, HistoryEntry e) {
        jdbc.update("INSERT INTO application_history (application_id, at, actor, stage, action, approved_minor,"
                        + " reason_code, comment, state_before, state_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                applicationId, Timestamp.from(e.at()), e.actor(), e.stage() == null ? null : e.stage().name(),
                e.action(), e.approvedMinor(), e.reasonCode(), e.comment(),
                e.stateBefore() == null ? null : e.stateBefore().name(), e.stateAfter().name());
    }

    @Override
    public List<ApplicationRecord> granting(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM credit_application WHERE state = 'GRANTING' ORDER BY"
                + " submitted_at LIMIT ?", this::row, limit).stream().map(this::withFindings).toList();
    }

    @Override
    public List<HistoryEntry> history(String applicationId) {
        return jdbc.query("SELECT at, actor, stage, action, approved_minor, reason_code, comment, state_before,"
                + " state_after FROM application_history WHERE application_id = ? ORDER BY id", (rs, n) -> {
                    String stage = rs.getString(3);
                    String before = rs.getString(8);
                    long approved = rs.getLong(5);
                    Long approvedMinor = rs.wasNull() ? null : approved;
                    return new HistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                            stage == null ? null : ReviewStep.valueOf(stage), rs.getString(4), approvedMinor,
                            rs.getString(6), rs.getString(7), before == null ? null : ApplicationState.valueOf(before),
                            ApplicationState.valueOf(rs.getString(9)));
                }, applicationId);
    }

    @Override
    public boolean hasHistory(String applicationId, String action) {
        return !jdbc.queryForList("SELECT id FROM application_history WHERE application_id = ? AND action = ?"
                + " LIMIT 1", Long.class, applicationId, action).isEmpty();
    }

    private Optional<ApplicationRecord> one(String where, Object... args) {
        return jdbc.query("SELECT " + COLUMNS + " FROM credit_application WHERE " + where, this::row, args).stream()
                .findFirst().map(this::withFindings);
    }

    private ApplicationRecord withFindings(ApplicationRecord r) {
        List<CheckFinding> findings = jdbc.query("SELECT kind, code, detail, outcome FROM application_check_finding"
                        + " WHERE application_id = ? ORDER BY seq", (rs, n) -> new CheckFinding(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4)),
                r.application().facts().applicationId());
        CheckReport c = r.checks();
        return new ApplicationRecord(r.application(), r.applicant(), r.limitType(), r.callbackUrl(), r.bodyHash(),
                new CheckReport(c.route(), c.score(), c.rulesVersion(), c.scorecardVersion(), c.reasonCode(), findings),
                r.submittedAt(), r.decidedAt(), r.version());
    }

    private ApplicationRecord row(ResultSet rs, int n) throws SQLException {
        ApplicationFacts facts = new ApplicationFacts(rs.getString("application_id"), rs.getString("partner_id"),
                rs.getString("partner_application_id"), rs.getString("customer_id"), rs.getString("region_path"),
                rs.getString("product_line"), rs.getString("currency"), rs.getLong("requested_minor"),
                rs.getInt("term_months"), Arrays.asList(rs.getString("product_ids").split(",")));
        Applicant applicant = new Applicant(rs.getString("applicant_name"), rs.getString("identity_type"),
                rs.getString("identity_number"), rs.getString("phone"), (Integer) rs.getObject("age", Integer.class),
                rs.getString("industry"), rs.getLong("declared_revenue_minor"));
        Map<ReviewStep, Long> approved = new EnumMap<>(ReviewStep.class);
        putIfPresent(approved, ReviewStep.FIRST_REVIEW, rs, "approved_first_minor");
        putIfPresent(approved, ReviewStep.FINAL_REVIEW, rs, "approved_final_minor");
        putIfPresent(approved, ReviewStep.RECHECK, rs, "approved_recheck_minor");
        String actors = rs.getString("actors");
        Set<String> actorSet = actors.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(actors.split(",")));
        String step = rs.getString("step");
        ReviewProgress progress = new ReviewProgress(ApplicationState.valueOf(rs.getString("state")),
                step == null ? null : ReviewStep.valueOf(step), approved, actorSet, rs.getString("reason_code"),
                rs.getString("line_id"));
        CheckReport checks = new CheckReport(Route.valueOf(rs.getString("route")), rs.getInt("score"),
                rs.getString("rules_version"), rs.getString("scorecard_version"), rs.getString("check_reason_code"),
                List.of());
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ApplicationRecord(CreditApplication.restore(facts, progress), applicant, rs.getString("limit_type"),
                rs.getString("callback_url"), rs.getString("body_hash"), checks,
                rs.getTimestamp("submitted_at").toInstant(), decided == null ? null : decided.toInstant(),
                rs.getLong("version"));
    }

    private static void putIfPresent(Map<ReviewStep, Long> map, ReviewStep step, ResultSet rs, String column)
            throws SQLException {
        long value = rs.getLong(column);
        if (!rs.wasNull()) {
            map.put(step, value);
        }
    }
}
