package io.creditsuite.gateway.infrastructure.ops;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.gateway.domain.partner.PartnerScope;
import io.creditsuite.gateway.infrastructure.security.PartnerScopes;
import io.creditsuite.gateway.infrastructure.security.SecretCipher;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Partners and their keys, for the operator endpoints.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@code count(keys of p with status ACTIVE) <= 2}: issuing locks the partner row, counts, then inserts, in one
 *       transaction, so two concurrent issues cannot both pass the count</li>
 *   <li>a secret leaves this class once, in the {@link IssuedKey} of its issue; what is stored is its AES-GCM
 *       ciphertext</li>
 *   <li>revoking is final and idempotent: {@code REVOKED} keys never sign again</li>
 * </ul>
 */
public class JdbcPartnerAdmin {
    static final int MAX_ACTIVE_KEYS = 2;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SecretCipher cipher;
    private final Clock clock;

    public JdbcPartnerAdmin(JdbcTemplate jdbc, TransactionTemplate transactions, SecretCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
        this.clock = clock;
    }

    public record PartnerView(String partnerId, String name, String status, Set<PartnerScope> scopes, Instant createdAt,
                              List<KeyView> keys) {
    }

    public record KeyView(String keyId, String status, Instant createdAt, Instant revokedAt) {
    }

    /** The only object that ever carries a secret out; its toString hides it. */
    public record IssuedKey(String partnerId, String keyId, String secret, Instant createdAt) {
        @Override
        public String toString() {
            return "IssuedKey[partnerId=" + partnerId + ", keyId=" + keyId + ", secret=***]";
        }
    }

    /** Creates the partner, or returns it when it exists with the same name and scopes (true = created). */
    public boolean create(String partnerId, String name, Set<PartnerScope> scopes) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            int inserted = jdbc.update("""
                    INSERT IGNORE INTO partner (id, name, status, scopes, created_at) VALUES (?, ?, 'ACTIVE', ?, ?)""",
                    partnerId, name, PartnerScopes.toColumn(scopes), Timestamp.from(now()));
            if (inserted == 1) {
                return true;
            }
            PartnerView existing = find(partnerId).orElseThrow();
            if (!existing.name().equals(name) || !existing.scopes().equals(scopes)) {
                throw new ApiException(ErrorCode.REQUEST_ID_REUSED, "partner " + partnerId
                        + " exists with another name or other scopes");
            }
            return false;
        }));
    }

    public Optional<PartnerView> find(String partnerId) {
        List<KeyView> keys = jdbc.query("""
                SELECT key_id, status, created_at, revoked_at FROM partner_key WHERE partner_id = ? ORDER BY created_at, key_id""",
                (rs, row) -> new KeyView(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()), partnerId);
        return jdbc.query("SELECT id, name, status, scopes, created_at FROM partner WHERE id = ?",
                (rs, row) -> new PartnerView(rs.getString(1), rs.getString(2), rs.getString(3),
                        PartnerScopes.fromColumn(rs.getString(4)), rs.getTimestamp(5).toInstant(), keys),
                partnerId).stream().findFirst();
    }

    public IssuedKey issueKey(String partnerId) {
        return transactions.execute(tx -> {
            List<String> locked = jdbc.queryForList("SELECT id FROM partner WHERE id = ? FOR UPDATE", String.class, partnerId);
            if (locked.isEmpty()) {
                throw new ApiException(ErrorCode.PARTNER_UNKNOWN, "no partner " + partnerId);
            }
            Integer active = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM partner_key WHERE partner_id = ? AND status = 'ACTIVE'", Integer.class, partnerId);
            if (active != null && active >= MAX_ACTIVE_KEYS) {
                throw new ApiException(ErrorCode.PARTNER_KEY_LIMIT, "partner " + partnerId + " has " + active
                        + " active keys; revoke one before issuing another");
            }
            String keyId = "ck_" + HexFormat.of().formatHex(randomBytes(10));
            String secret = "cs1s_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
            Instant createdAt = now();
            jdbc.update("""
                    INSERT INTO partner_key (key_id, partner_id, secret_enc, status, created_at) VALUES (?, ?, ?, 'ACTIVE', ?)""",
                    keyId, partnerId, cipher.encrypt(keyId, secret), Timestamp.from(createdAt));
            return new IssuedKey(partnerId, keyId, secret, createdAt);
        });
    }

    /** Revokes the key (idempotent); its view afterwards. */
    public KeyView revoke(String partnerId, String keyId) {
        jdbc.update("UPDATE partner_key SET status = 'REVOKED', revoked_at = ? WHERE partner_id = ? AND key_id = ?"
                + " AND status = 'ACTIVE'", Timestamp.from(now()), partnerId, keyId);
        return find(partnerId).orElseThrow(() -> new ApiException(ErrorCode.PARTNER_UNKNOWN, "no partner " + partnerId))
                .keys().stream().filter(k -> k.keyId().equals(keyId)).findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "partner " + partnerId + " has no key " + keyId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
