package io.creditsuite.gateway.infrastructure.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code idempotency_record} table. Every write is its own auto-committed statement: a claim must be visible to
 * other gateway instances before the request it guards runs.
 */
public class JdbcIdempotencyRecords {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcIdempotencyRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Inserts an IN_PROGRESS claim; empty when (partner, key) already has a row. The claim's time is its token:
     * only the attempt holding it may complete or release the row.
     */
    public Optional<Instant> claim(String partnerId, String key, String fingerprint, Instant expiresAt) {
        Instant claimedAt = now();
        Timestamp now = Timestamp.from(claimedAt);
        try {
            jdbc.update("""
                    INSERT INTO idempotency_record (partner_id, idem_key, fingerprint, status, created_at, claimed_at, expires_at)
                    VALUES (?, ?, ?, 'IN_PROGRESS', ?, ?, ?)""", partnerId, key, fingerprint, now, now,
                    Timestamp.from(expiresAt));
            return Optional.of(claimedAt);
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
    }

    public Optional<IdempotencyRecord> find(String partnerId, String key) {
        return jdbc.query("""
                SELECT fingerprint, status, response_status, response_type, response_body, claimed_at, expires_at
                  FROM idempotency_record WHERE partner_id = ? AND idem_key = ?""",
                (rs, row) -> new IdempotencyRecord(rs.getString(1), IdempotencyRecord.Status.valueOf(rs.getString(2)),
                        (Integer) rs.getObject(3), rs.getString(4), rs.getBytes(5),
                        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()),
                partnerId, key).stream().findFirst();
    }

    /**
     * Takes over a row that is stale or expired, compare-and-set on the {@code claimed_at} that was read, so of two
     * requests racing for the same dead row exactly one wins.
     */
    public Optional<Instant> reclaim(String partnerId, String key, Instant claimedAtSeen, String fingerprint,
                                     Instant expiresAt) {
        Instant claimedAt = now();
        if (claimedAt.equals(claimedAtSeen)) {
            claimedAt = claimedAt.plusMillis(1); // the token must change, or the old holder could still write
        }
        Timestamp now = Timestamp.from(claimedAt);
        int updated = jdbc.update("""
                UPDATE idempotency_record
                   SET fingerprint = ?, status = 'IN_PROGRESS', response_status = NULL, response_type = NULL,
                       response_body = NULL, created_at = ?, claimed_at = ?, expires_at = ?
                 WHERE partner_id = ? AND idem_key = ? AND claimed_at = ?""",
                fingerprint, now, now, Timestamp.from(expiresAt), partnerId, key, Timestamp.from(claimedAtSeen));
        return updated == 1 ? Optional.of(claimedAt) : Optional.empty();
    }

    /** Stores the response of the attempt that holds the claim. */
    public void complete(String partnerId, String key, Instant claimedAt, int status, String contentType, byte[] body) {
        jdbc.update("""
                UPDATE idempotency_record SET status = 'COMPLETED', response_status = ?, response_type = ?, response_body = ?
                 WHERE partner_id = ? AND idem_key = ? AND status = 'IN_PROGRESS' AND claimed_at = ?""",
                status, contentType, body, partnerId, key, Timestamp.from(claimedAt));
    }

    /** Drops a claim whose attempt produced nothing worth replaying, so the next attempt runs afresh. */
    public void release(String partnerId, String key, Instant claimedAt) {
        jdbc.update("DELETE FROM idempotency_record WHERE partner_id = ? AND idem_key = ? AND status = 'IN_PROGRESS'"
                + " AND claimed_at = ?", partnerId, key, Timestamp.from(claimedAt));
    }

    /** The clock's time at the column's precision (milliseconds), so a claim token read back compares equal. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Deletes expired rows (completed or abandoned), at most {@code batch} per statement and {@code maxBatches} statements per call. */
    public int purgeExpired(int batch, int maxBatches) {
        Timestamp now = Timestamp.from(clock.instant());
        int total = 0;
        for (int i = 0; i < maxBatches; i++) {
            int deleted = jdbc.update("DELETE FROM idempotency_record WHERE expires_at < ? LIMIT ?",
                    now, batch);
            total += deleted;
            if (deleted < batch) {
                break;
            }
        }
        return total;
    }
}
