-- Every balance correction, and every node an import of historical flows touches, is also in the line audit log
-- (credit_audit), next to the other maintenance changes: one row per node with request id
-- 'correct:<request id>:<node id>' or 'import:<request id>:<node id>' (up to 8 + 64 + 1 + 19 characters).
-- credit_balance_correction keeps the detailed before and after of all seven balances.
ALTER TABLE credit_audit MODIFY request_id VARCHAR(96) NOT NULL;
