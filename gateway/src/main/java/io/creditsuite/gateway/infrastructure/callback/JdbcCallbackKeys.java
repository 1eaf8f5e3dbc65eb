package io.creditsuite.gateway.infrastructure.callback;

import io.creditsuite.gateway.domain.callback.CallbackKeys;
import io.creditsuite.gateway.infrastructure.security.SecretCipher;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The partner's newest ACTIVE key signs its callbacks: during a rotation the partner installs the new secret when it
 * is issued, so the newest key is the one it can verify with; {@code X-CS-Key-Id} says which one was used.
 */
public class JdbcCallbackKeys implements CallbackKeys {
    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;

    public JdbcCallbackKeys(JdbcTemplate jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public Optional<PartnerSecret> signingKeyOf(String partnerId) {
        return jdbc.query("""
                SELECT k.key_id, k.secret_enc
                  FROM partner_key k JOIN partner p ON p.id = k.partner_id
                 WHERE k.partner_id = ? AND k.status = 'ACTIVE' AND p.status = 'ACTIVE'
                 ORDER BY k.created_at DESC, k.key_id DESC LIMIT 1""",
                (rs, row) -> new PartnerSecret(rs.getString(1), cipher.decrypt(rs.getString(1), rs.getBytes(2))),
                partnerId).stream().findFirst();
    }
}
