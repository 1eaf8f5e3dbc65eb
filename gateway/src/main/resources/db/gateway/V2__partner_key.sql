-- A partner's signing key. secret_enc = iv(12) || AES-256-GCM(master key, secret, aad = key_id): the secret
-- itself is never stored, logged or returned after issue. At most two ACTIVE keys per partner (rotation),
-- enforced by the issuing transaction, which locks the partner row first.
CREATE TABLE partner_key (
  key_id     VARCHAR(64)    NOT NULL,
  partner_id VARCHAR(64)    NOT NULL,
  secret_enc VARBINARY(256) NOT NULL,
  status     VARCHAR(16)    NOT NULL,
  created_at DATETIME(3)    NOT NULL,
  revoked_at DATETIME(3)    NULL,
  PRIMARY KEY (key_id),
  KEY idx_partner_key_partner (partner_id, status),
  CONSTRAINT fk_partner_key_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
