-- Account status maintenance (freeze, unfreeze, close): the audit trail, one row per applied
-- request. The unique request id makes a change apply once; a retry reads its row back.
CREATE TABLE account_status_change (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  request_id    VARCHAR(64)  NOT NULL,
  account_id    BIGINT       NOT NULL,
  action        VARCHAR(8)   NOT NULL,
  status_before VARCHAR(8)   NOT NULL,
  status_after  VARCHAR(8)   NOT NULL,
  -- how many sub-accounts of a split account changed with it (their status is always the parent's)
  sub_accounts  INT          NOT NULL,
  operator      VARCHAR(64)  NOT NULL,
  reason        VARCHAR(256) NOT NULL,
  changed_at    TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_status_request (request_id),
  KEY idx_status_account (account_id, id),
  CONSTRAINT ck_status_changes CHECK (status_before <> status_after)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
