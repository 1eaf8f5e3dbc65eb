package io.creditsuite.reconcile.infrastructure.full;

import io.creditsuite.reconcile.application.full.FullCheckRuns;
import io.creditsuite.reconcile.application.full.FullCheckScope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** {@code bcp_full_check_run}, in reconcile-service's own schema. */
public class JdbcFullCheckRuns implements FullCheckRuns {
    private static final String COLUMNS = "run_id, scope, state, pass, cursor_text, partial_json, rows_read, subjects,"
            + " findings, pass_findings, error, started_at, finished_at";

    private final JdbcTemplate jdbc;

    public JdbcFullCheckRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long start(FullCheckScope scope, String firstPass, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO bcp_full_check_run (scope, state, pass, cursor_text,"
                    + " started_at, heartbeat_at) VALUES (?, 'RUNNING', ?, '', ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, scope.text());
            ps.setString(2, firstPass);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    @Override
    public void progress(long runId, String pass, String cursor, String partial, long rows, long subjects,
                         long findings, long passFindings, Instant now) {
        jdbc.update("UPDATE bcp_full_check_run SET pass = ?, cursor_text = ?, partial_json = ?, rows_read = rows_read + ?,"
                        + " subjects = subjects + ?, findings = ?, pass_findings = ?, heartbeat_at = ? WHERE run_id = ?",
                pass, cursor, partial, rows, subjects, findings, passFindings, Timestamp.from(now), runId);
    }

    @Override
    public void finish(long runId, String state, String error, Instant now) {
        jdbc.update("UPDATE bcp_full_check_run SET state = ?, error = ?, finished_at = ?, heartbeat_at = ?"
                        + " WHERE run_id = ?", state, error == null ? null : error.substring(0, Math.min(1000,
                        error.length())), Timestamp.from(now), Timestamp.from(now), runId);
    }

    @Override
    public Optional<Run> find(long runId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bcp_full_check_run WHERE run_id = ?", JdbcFullCheckRuns::run,
                runId).stream().findFirst();
    }

    @Override
    public Optional<Run> stale(Instant staleBefore) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bcp_full_check_run WHERE state = 'RUNNING' AND heartbeat_at < ?"
                + " ORDER BY run_id LIMIT 1", JdbcFullCheckRuns::run, Timestamp.from(staleBefore)).stream().findFirst();
    }

    @Override
    public Optional<Run> lastCompleted() {
        return jdbc.query("SELECT " + COLUMNS + " FROM bcp_full_check_run WHERE state IN ('PASSED', 'FOUND')"
                + " ORDER BY finished_at DESC LIMIT 1", JdbcFullCheckRuns::run).stream().findFirst();
    }

    private static Run run(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(rs.getLong("run_id"), FullCheckScope.parse(rs.getString("scope")), rs.getString("state"),
                rs.getString("pass"), rs.getString("cursor_text"), rs.getString("partial_json"), rs.getLong("rows_read"),
                rs.getLong("subjects"), rs.getLong("findings"), rs.getLong("pass_findings"), rs.getString("error"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
