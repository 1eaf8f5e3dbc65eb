package io.creditsuite.gateway.infrastructure.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nonces of accepted signatures. {@link #firstUse} inserts before the request proceeds; the table's primary
 * key (key_id, nonce) is what refuses a replay, so the refusal holds across restarts and across gateway instances
 * sharing the database.
 */
public class JdbcNonceStore {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcNonceStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True when (keyId, nonce) was not seen before and is now recorded; false for a replay. */
    public boolean firstUse(String keyId, String nonce, Instant expiresAt) {
        try {
            jdbc.update("INSERT INTO partner_nonce (key_id, nonce, expires_at) VALUES (?, ?, ?)",
                    keyId, nonce, Timestamp.from(expiresAt));
            return true;
        } catch (DuplicateKeyException replay) {
            return false;
        }
    }

    /**
     * Deletes expired nonces, at most {@code batch} rows per statement and {@code maxBatches} statements per call,
     * so one purge never holds locks on a large range. Returns the rows deleted.
     */
    public int purgeExpired(int batch, int maxBatches) {
        Timestamp now = Timestamp.from(clock.instant());
        int total = 0;
        for (int i = 0; i < maxBatches; i++) {
            int deleted = jdbc.update("DELETE FROM partner_nonce WHERE expires_at < ? LIMIT ?", now, batch);
            total += deleted;
            if (deleted < batch) {
                break;
            }
        }
        return total;
    }
}
