-- A hold opened by a TCC try belongs to its global transaction until phase two (HoldGuard): the ordinary API
-- refuses to use or release it, and the expiry sweeper never picks it. NULL: a hold a caller opened. Holds opened
-- before this version are callers' holds (a try in flight across the upgrade confirms or cancels as before).
ALTER TABLE credit_hold ADD COLUMN tcc_xid VARCHAR(128) NULL;
