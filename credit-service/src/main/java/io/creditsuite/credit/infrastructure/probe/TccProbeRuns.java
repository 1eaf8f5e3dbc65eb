package io.creditsuite.credit.infrastructure.probe;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.probe.TccProbeResult;
import io.creditsuite.api.probe.TccProbeScenario;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code tcc_probe_run}: the idempotency record of the TCC probes this service initiates. The
 * primary key on the probe id decides which of two concurrent calls runs; the other is told.
 */
@Component
class TccProbeRuns {
    private static final int DETAIL_MAX = 512;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TccProbeRuns(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims the probe id for a new run (state RUNNING), or answers from the earlier run: its
     * stored result when it finished with the same scenario, else the matching error.
     */
    Optional<TccProbeResult> claim(String probeId, TccProbeScenario scenario) {
        try {
            jdbc.update("INSERT INTO tcc_probe_run (probe_id, scenario, state, started_at) VALUES (?, ?, 'RUNNING', ?)",
                    probeId, scenario.name(), now());
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            return Optional.of(earlier(probeId, scenario));
        }
    }

    void attachXid(String probeId, String xid) {
        jdbc.update("UPDATE tcc_probe_run SET xid = ? WHERE probe_id = ?", xid, probeId);
    }

    void finish(TccProbeResult result) {
        jdbc.update("UPDATE tcc_probe_run SET state = 'FINISHED', xid = ?, global_status = ?, account_try = ?,"
                        + " phase2_millis = ?, finished_at = ? WHERE probe_id = ? AND state = 'RUNNING'",
                result.xid(), result.globalStatus(), result.accountTry().name(), result.phase2Millis(), now(),
                result.probeId());
    }

    void fail(String probeId, String detail) {
        String stored = detail == null ? "" : detail.substring(0, Math.min(detail.length(), DETAIL_MAX));
        jdbc.update("UPDATE tcc_probe_run SET state = 'FAILED', error_detail = ?, finished_at = ?"
                + " WHERE probe_id = ? AND state = 'RUNNING'", stored, now(), probeId);
    }

    private TccProbeResult earlier(String probeId, TccProbeScenario scenario) {
        List<TccProbeResult> found = jdbc.query(
                "SELECT scenario, state, xid, global_status, account_try, phase2_millis, error_detail"
                        + " FROM tcc_probe_run WHERE probe_id = ?",
                (rs, n) -> {
                    TccProbeScenario earlierScenario = TccProbeScenario.valueOf(rs.getString("scenario"));
                    if (earlierScenario != scenario) {
                        throw new ApiException(ErrorCode.REQUEST_ID_REUSED,
                                "probe " + probeId + " already ran as " + earlierScenario + ", not " + scenario);
                    }
                    return switch (rs.getString("state")) {
                        case "RUNNING" -> throw new ApiException(ErrorCode.REQUEST_IN_PROGRESS,
                                "probe " + probeId + " is still running");
                        case "FAILED" -> throw new ApiException(ErrorCode.PROBE_FAILED,
                                "probe " + probeId + " already failed: " + rs.getString("error_detail"));
                        default -> new TccProbeResult(probeId, rs.getString("xid"), earlierScenario,
                                rs.getString("global_status"),
                                TccProbeResult.AccountTry.valueOf(rs.getString("account_try")),
                                rs.getLong("phase2_millis"));
                    };
                },
                probeId);
        if (found.isEmpty()) {
            // the key existed a moment ago and runs are never deleted
            throw new IllegalStateException("tcc_probe_run " + probeId + " vanished");
        }
        return found.get(0);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
