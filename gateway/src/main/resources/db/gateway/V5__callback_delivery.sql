-- Signed callbacks to partners of approval-service's APPLICATION_DECIDED events (docs/events.md), one row per event
-- id: the primary key makes a redelivered event record nothing new. At least once: PENDING until a 2xx (DELIVERED)
-- or the last attempt failed (GAVE_UP). A dispatcher claims a due row with a conditional UPDATE that sets claim_token
-- and lease_until; only the holder of the token writes the attempt's outcome, and a row whose holder died is due
-- again when its lease has run out.
CREATE TABLE callback_delivery (
  event_id         VARCHAR(128)  NOT NULL,
  partner_id       VARCHAR(64)   NOT NULL,
  application_id   VARCHAR(64)   NOT NULL,
  callback_url     VARCHAR(512)  NOT NULL,
  payload_json     MEDIUMTEXT    NOT NULL COMMENT 'the event as received: the exact bytes POSTed and signed',
  status           VARCHAR(16)   NOT NULL COMMENT 'PENDING, DELIVERED, GAVE_UP',
  attempts         INT           NOT NULL DEFAULT 0 COMMENT 'attempts started, counted at the claim',
  next_attempt_at  DATETIME(3)   NOT NULL,
  claim_token      VARCHAR(64)   NULL,
  lease_until      DATETIME(3)   NULL,
  last_http_status INT           NULL,
  last_error       VARCHAR(512)  NULL,
  created_at       DATETIME(3)   NOT NULL,
  finished_at      DATETIME(3)   NULL COMMENT 'when it became DELIVERED or GAVE_UP',
  PRIMARY KEY (event_id),
  -- the dispatcher's scan (PENDING and due) and the operators' list by status
  KEY idx_callback_delivery_due (status, next_attempt_at),
  KEY idx_callback_delivery_partner (partner_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
