-- TCC transfer branches (TransOut / TransIn). The fence (tcc_fence_log) decides which phase may
-- run; this table keeps what each phase did to the account, and stays after a cancel as its record.
CREATE TABLE tcc_transfer (
  transfer_id       VARCHAR(64) NOT NULL,
  direction         VARCHAR(3)  NOT NULL,
  account_id        BIGINT      NOT NULL,
  contra_account_id BIGINT      NOT NULL,
  amount_minor      BIGINT      NOT NULL,
  currency          CHAR(3)     NOT NULL,
  phase             VARCHAR(10) NOT NULL,
  xid               VARCHAR(128) NOT NULL,
  created_at        TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at        TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  PRIMARY KEY (transfer_id, direction),
  CONSTRAINT ck_transfer_amount CHECK (amount_minor > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
