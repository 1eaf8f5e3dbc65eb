-- The watermark floor (WatermarkFloor) of BUFFERED accounts, shared by every instance of account-service: the
-- buffered outflows accepted into the queue and not yet applied. Before, each instance counted only its own in
-- memory, so two instances could together accept more than the floor allows, and the excess was refused when
-- applied although its callers had heard ACCEPTED.
--   buffered_outflow       one row per (account, voucher) accepted and not yet applied (a retry reserves once,
--                          a redelivery releases once)
--   buffered_outflow_total the sum per account; its row lock serializes the reservations of one account
CREATE TABLE buffered_outflow (
  account_id   BIGINT       NOT NULL,
  voucher_no   VARCHAR(64)  NOT NULL,
  amount_minor BIGINT       NOT NULL,
  reserved_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (account_id, voucher_no),
  CONSTRAINT ck_buffered_outflow_amount CHECK (amount_minor > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE buffered_outflow_total (
  account_id   BIGINT NOT NULL,
  queued_minor BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id),
  CONSTRAINT ck_buffered_outflow_total CHECK (queued_minor >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
