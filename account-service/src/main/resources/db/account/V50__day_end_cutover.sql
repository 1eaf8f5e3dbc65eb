-- Day-end cutover (日切): one row per closed accounting date (its stage and the persisted cursor of
-- its end-of-day balances, so a rerun resumes), and the end-of-day balance of every account.

CREATE TABLE day_end_cutover (
  closed_date          DATE        NOT NULL,
  previous_date        DATE        NULL,
  stage                VARCHAR(12) NOT NULL,
  last_account_id      BIGINT      NOT NULL,
  cursor_account_id    BIGINT      NOT NULL DEFAULT 0,
  accounts_snapshotted BIGINT      NOT NULL DEFAULT 0,
  started_at           TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  completed_at         TIMESTAMP(3) NULL,
  PRIMARY KEY (closed_date),
  CONSTRAINT ck_cutover_previous CHECK (previous_date IS NULL OR previous_date < closed_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- balance = previous closed date's balance + flow (sum of balance_after - balance_before of the entries dated in between)
CREATE TABLE end_of_day_balance (
  account_id      BIGINT  NOT NULL,
  accounting_date DATE    NOT NULL,
  currency        CHAR(3) NOT NULL,
  balance_minor   BIGINT  NOT NULL,
  flow_minor      BIGINT  NOT NULL,
  entries         BIGINT  NOT NULL,
  -- one balance per account and date: a resumed cutover can never write a second one
  PRIMARY KEY (account_id, accounting_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- flows of one account by date (end-of-day balances, near-real-time balance)
CREATE INDEX idx_journal_account_date ON journal_entry (account_id, accounting_date);
-- pending credits of a closed date, folded by the cutover before it snapshots
CREATE INDEX idx_pending_date ON pending_credit (accounting_date, account_id);
