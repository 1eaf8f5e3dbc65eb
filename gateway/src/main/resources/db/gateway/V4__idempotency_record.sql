-- Idempotency-Key records of partner POSTs (IETF httpapi draft), keyed per partner. The INSERT of the
-- IN_PROGRESS row is the claim; the stored response is replayed byte for byte while expires_at is ahead.
-- claimed_at: when the current attempt started; an IN_PROGRESS row older than the stale timeout may be claimed
-- again (the process that held it died).
CREATE TABLE idempotency_record (
  partner_id       VARCHAR(64)  NOT NULL,
  idem_key         VARCHAR(64)  NOT NULL,
  fingerprint      CHAR(64)     NOT NULL,
  status           VARCHAR(16)  NOT NULL,
  response_status  INT          NULL,
  response_type    VARCHAR(200) NULL,
  response_body    MEDIUMBLOB   NULL,
  created_at       DATETIME(3)  NOT NULL,
  claimed_at       DATETIME(3)  NOT NULL,
  expires_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (partner_id, idem_key),
  KEY idx_idempotency_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
