-- The ledger: accounts (账户 + 账户余额 as columns), the immutable journal (流水), detail rows of
-- summary-posted accounts, the accounting date in force, and TCC transfer branches.
-- Money is BIGINT minor units plus CHAR(3) currency.

CREATE TABLE account (
  id                  BIGINT      NOT NULL AUTO_INCREMENT,
  owner_id            VARCHAR(64) NOT NULL,
  kind                VARCHAR(16) NOT NULL,
  currency            CHAR(3)     NOT NULL,
  status              VARCHAR(8)  NOT NULL,
  overdraft_minor     BIGINT      NOT NULL DEFAULT 0,
  floor_minor         BIGINT      NULL,
  hot_mode            VARCHAR(24) NOT NULL,
  parent_id           BIGINT      NULL,
  sub_accounts        INT         NOT NULL DEFAULT 0,
  collect_below_minor BIGINT      NOT NULL DEFAULT 0,
  available_minor     BIGINT      NOT NULL DEFAULT 0,
  frozen_minor        BIGINT      NOT NULL DEFAULT 0,
  in_transit_minor    BIGINT      NOT NULL DEFAULT 0,
  version             BIGINT      NOT NULL DEFAULT 0,
  last_hash           CHAR(64)    NOT NULL,
  created_at          TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY idx_account_parent (parent_id),
  -- the last guard: whatever the code does, the database refuses an overdraft
  CONSTRAINT ck_account_overdraft CHECK (available_minor + overdraft_minor >= 0),
  CONSTRAINT ck_account_frozen CHECK (frozen_minor >= 0),
  CONSTRAINT ck_account_in_transit CHECK (in_transit_minor >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE journal_entry (
  id                   BIGINT      NOT NULL AUTO_INCREMENT,
  account_id           BIGINT      NOT NULL,
  version              BIGINT      NOT NULL,
  voucher_no           VARCHAR(64) NOT NULL,
  leg_no               INT         NOT NULL,
  reversal             TINYINT     NOT NULL,
  reversed_entry_id    BIGINT      NULL,
  posting_type         VARCHAR(32) NOT NULL,
  side                 VARCHAR(6)  NOT NULL,
  amount_minor         BIGINT      NOT NULL,
  currency             CHAR(3)     NOT NULL,
  balance_before_minor BIGINT      NOT NULL,
  balance_after_minor  BIGINT      NOT NULL,
  accounting_date      DATE        NOT NULL,
  trace_id             VARCHAR(64) NOT NULL,
  request_digest       CHAR(64)    NOT NULL,
  previous_hash        CHAR(64)    NOT NULL,
  hash                 CHAR(64)    NOT NULL,
  created_at           TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  -- consecutive versions per account: only one entry can take version n+1
  UNIQUE KEY uk_journal_chain (account_id, version),
  -- idempotency key (资金凭证号 + leg + rollback flag): a leg applies once, is reversed at most once
  UNIQUE KEY uk_journal_voucher (voucher_no, leg_no, reversal),
  UNIQUE KEY uk_journal_reversed (reversed_entry_id),
  CONSTRAINT ck_journal_amount CHECK (amount_minor > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE pending_credit (
  id                BIGINT      NOT NULL AUTO_INCREMENT,
  account_id        BIGINT      NOT NULL,
  voucher_no        VARCHAR(64) NOT NULL,
  leg_no            INT         NOT NULL,
  reversal          TINYINT     NOT NULL,
  reversed_entry_id BIGINT      NULL,
  posting_type      VARCHAR(32) NOT NULL,
  side              VARCHAR(6)  NOT NULL,
  amount_minor      BIGINT      NOT NULL,
  currency          CHAR(3)     NOT NULL,
  accounting_date   DATE        NOT NULL,
  trace_id          VARCHAR(64) NOT NULL,
  request_digest    CHAR(64)    NOT NULL,
  created_at        TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_pending_voucher (voucher_no, leg_no, reversal),
  KEY idx_pending_account (account_id, id),
  CONSTRAINT ck_pending_amount CHECK (amount_minor > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- one row: the accounting date in force; the day-end cutover will own it
CREATE TABLE accounting_calendar (
  id              TINYINT NOT NULL,
  date_in_force   DATE    NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO accounting_calendar (id, date_in_force) VALUES (1, UTC_DATE());
