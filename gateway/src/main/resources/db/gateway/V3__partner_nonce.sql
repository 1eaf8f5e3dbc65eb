-- Nonces of accepted signatures. The primary key (key_id, nonce) is what refuses a replay, across restarts and
-- gateway instances. expires_at = signed timestamp + window: after it the timestamp window alone refuses the
-- request, so the row may be purged (in bounded batches).
CREATE TABLE partner_nonce (
  key_id     VARCHAR(64) NOT NULL,
  nonce      VARCHAR(64) NOT NULL,
  expires_at DATETIME(3) NOT NULL,
  PRIMARY KEY (key_id, nonce),
  KEY idx_partner_nonce_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
