-- The database's last word against an overdraft, rewritten so that it cannot overflow: `available + overdraft`
-- overflows BIGINT (an error, so the write fails) for an account with an overdraft allowance whose available
-- balance is above Long.MAX_VALUE - overdraft; `available >= -overdraft` states the same rule (overdraft >= 0, so
-- its negation always fits).
ALTER TABLE account DROP CONSTRAINT ck_account_overdraft;
ALTER TABLE account ADD CONSTRAINT ck_account_overdraft CHECK (available_minor >= -overdraft_minor);

-- A split account's end-of-day balance is the sum of its sub-accounts' (EndOfDayBalance.ofSplitAccount); rows
-- written before held the split row's own, always 0. Restated from the sub-accounts' rows of the same date.
UPDATE end_of_day_balance p
  JOIN (SELECT a.parent_id, e.accounting_date, SUM(e.balance_minor) AS balance_minor, SUM(e.flow_minor) AS flow_minor,
               SUM(e.entries) AS entries
          FROM end_of_day_balance e JOIN account a ON a.id = e.account_id
         WHERE a.parent_id IS NOT NULL
         GROUP BY a.parent_id, e.accounting_date) s
    ON s.parent_id = p.account_id AND s.accounting_date = p.accounting_date
   SET p.balance_minor = s.balance_minor, p.flow_minor = s.flow_minor, p.entries = s.entries;
