package io.creditsuite.gateway.infrastructure.security;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Looks up the key a request names: only an ACTIVE key of an ACTIVE partner can sign. */
public class JdbcSigningKeys {
    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;

    public JdbcSigningKeys(JdbcTemplate jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public Optional<SigningKey> activeKey(String keyId) {
        List<SigningKey> keys = jdbc.query("""
                SELECT k.key_id, k.partner_id, k.secret_enc, p.scopes
                  FROM partner_key k JOIN partner p ON p.id = k.partner_id
                 WHERE k.key_id = ? AND k.status = 'ACTIVE' AND p.status = 'ACTIVE'""",
                (rs, row) -> new SigningKey(rs.getString(1), rs.getString(2),
                        cipher.decrypt(rs.getString(1), rs.getBytes(3)), PartnerScopes.fromColumn(rs.getString(4))),
                keyId);
        return keys.stream().findFirst();
    }
}
