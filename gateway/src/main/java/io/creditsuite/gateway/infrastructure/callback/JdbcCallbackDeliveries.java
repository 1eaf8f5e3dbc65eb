package io.creditsuite.gateway.infrastructure.callback;

import io.creditsuite.gateway.domain.callback.AttemptOutcome;
import io.creditsuite.gateway.domain.callback.CallbackDeliveries;
import io.creditsuite.gateway.domain.callback.CallbackStatus;
import io.creditsuite.gateway.domain.callback.ClaimedDelivery;
import io.creditsuite.gateway.domain.callback.DecidedEvent;
import io.creditsuite.gateway.domain.callback.DeliveryView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code callback_delivery} (V5): each write a single statement, the claim and its outcomes conditional updates. */
public class JdbcCallbackDeliveries implements CallbackDeliveries {
    private static final int ERROR_MAX = 512;
    private static final String VIEW_COLUMNS = "event_id, partner_id, application_id, callback_url, status, attempts,"
            + " next_attempt_at, last_http_status, last_error, created_at, finished_at";

    private final JdbcTemplate jdbc;

    public JdbcCallbackDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean recordPending(DecidedEvent event, Instant now) {
        return insert(event, CallbackStatus.PENDING, null, now);
    }

    @Override
    public boolean recordRefused(DecidedEvent event, String why, Instant now) {
        return insert(event, CallbackStatus.GAVE_UP, why, now);
    }

    private boolean insert(DecidedEvent e, CallbackStatus status, String error, Instant now) {
        Timestamp at = Timestamp.from(now);
        try {
            jdbc.update("""
                    INSERT INTO callback_delivery (event_id, partner_id, application_id, callback_url,
                           payload_json, status, attempts, next_attempt_at, last_error, created_at, finished_at)
                    VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""",
                    e.eventId(), e.partnerId(), e.applicationId(), e.callbackUrl(), e.payloadJson(), status.name(), at,
                    clip(error), at, status == CallbackStatus.PENDING ? null : at);
            return true;
        } catch (DuplicateKeyException duplicate) {
            // MariaDB and MySQL roll back only the statement: the caller's transaction goes on
            return false;
        }
    }

    @Override
    public List<String> due(Instant now, int limit) {
        Timestamp at = Timestamp.from(now);
        return jdbc.queryForList("""
                SELECT event_id FROM callback_delivery
                 WHERE status = 'PENDING' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
                 ORDER BY next_attempt_at LIMIT ?""", String.class, at, at, limit);
    }

    @Override
    public Optional<ClaimedDelivery> claim(String eventId, Instant now, Instant leaseUntil) {
        Timestamp at = Timestamp.from(now);
        String token = UUID.randomUUID().toString();
        int claimed = jdbc.update("""
                UPDATE callback_delivery SET claim_token = ?, lease_until = ?, attempts = attempts + 1
                 WHERE event_id = ? AND status = 'PENDING' AND next_attempt_at <= ?
                   AND (lease_until IS NULL OR lease_until <= ?)""",
                token, Timestamp.from(leaseUntil), eventId, at, at);
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.query("""
                SELECT event_id, partner_id, callback_url, payload_json, attempts FROM callback_delivery
                 WHERE event_id = ? AND claim_token = ?""",
                (rs, row) -> new ClaimedDelivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), token), eventId, token).stream().findFirst();
    }

    @Override
    public boolean delivered(ClaimedDelivery claim, AttemptOutcome outcome, Instant at) {
        return finish(claim, CallbackStatus.DELIVERED, outcome, at);
    }

    @Override
    public boolean gaveUp(ClaimedDelivery claim, AttemptOutcome outcome, Instant at) {
        return finish(claim, CallbackStatus.GAVE_UP, outcome, at);
    }

    private boolean finish(ClaimedDelivery claim, CallbackStatus status, AttemptOutcome outcome, Instant at) {
        return jdbc.update("""
                UPDATE callback_delivery SET status = ?, claim_token = NULL, lease_until = NULL, last_http_status = ?,
                       last_error = ?, finished_at = ?
                 WHERE event_id = ? AND claim_token = ?""",
                status.name(), outcome.httpStatus(), clip(outcome.error()), Timestamp.from(at), claim.eventId(),
                claim.claimToken()) == 1;
    }

    @Override
    public boolean retryAt(ClaimedDelivery claim, AttemptOutcome outcome, Instant next) {
        return jdbc.update("""
                UPDATE callback_delivery SET next_attempt_at = ?, claim_token = NULL, lease_until = NULL,
                       last_http_status = ?, last_error = ?
                 WHERE event_id = ? AND claim_token = ?""",
                Timestamp.from(next), outcome.httpStatus(), clip(outcome.error()), claim.eventId(),
                claim.claimToken()) == 1;
    }

    @Override
    public List<DeliveryView> inStatus(CallbackStatus status, int limit) {
        return jdbc.query("SELECT " + VIEW_COLUMNS + " FROM callback_delivery WHERE status = ?"
                + " ORDER BY created_at DESC, event_id LIMIT ?", JdbcCallbackDeliveries::view, status.name(), limit);
    }

    @Override
    public Optional<DeliveryView> find(String eventId) {
        return jdbc.query("SELECT " + VIEW_COLUMNS + " FROM callback_delivery WHERE event_id = ?",
                JdbcCallbackDeliveries::view, eventId).stream().findFirst();
    }

    @Override
    public boolean rearm(String eventId, Instant now) {
        // a lease still held stays: a row being POSTed right now is not claimed twice because of a re-arm
        return jdbc.update("""
                UPDATE callback_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?, finished_at = NULL
                 WHERE event_id = ?""", Timestamp.from(now), eventId) == 1;
    }

    private static DeliveryView view(ResultSet rs, int row) throws SQLException {
        int lastStatus = rs.getInt("last_http_status");
        Integer lastHttpStatus = rs.wasNull() ? null : lastStatus;
        return new DeliveryView(rs.getString("event_id"), rs.getString("partner_id"), rs.getString("application_id"),
                rs.getString("callback_url"), CallbackStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")), lastHttpStatus, rs.getString("last_error"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String clip(String error) {
        return error == null || error.length() <= ERROR_MAX ? error : error.substring(0, ERROR_MAX);
    }
}
