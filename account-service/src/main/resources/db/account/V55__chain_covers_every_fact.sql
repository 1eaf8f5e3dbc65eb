-- The chain covers every stored fact about money (issue 10, defect 5). See ChainFormat for the formulas.
--
-- journal_entry: each row states its chain format. Rows written before this migration keep format 1 and are verified
-- with the formula they were written with; new rows are format 2, whose hash also covers the reversal link, the
-- posting type, the trace id, the request digest, the movement and the sub-balances after the entry. A format 1 row
-- has movement POSTING and no sub-balances (the verifier checks that, since its hash does not cover them).
ALTER TABLE journal_entry
  ADD COLUMN chain_format           TINYINT     NOT NULL DEFAULT 1 COMMENT 'ChainFormat: 1 written before V55, 2 since',
  ADD COLUMN movement               VARCHAR(20) NOT NULL DEFAULT 'POSTING' COMMENT 'EntryMovement: what the entry does to the sub-balances',
  ADD COLUMN available_after_minor  BIGINT      NULL COMMENT 'sub-balances after the entry (format 2)',
  ADD COLUMN frozen_after_minor     BIGINT      NULL,
  ADD COLUMN in_transit_after_minor BIGINT      NULL;

-- pending_credit: each detail carries its own hash (parallel writers insert details without the account's lock, so
-- they cannot link to each other). The details waiting now are sealed here with the same encoding as
-- ChainFormat.detailHash: each field "<byte length>:<value>", null "-" (LENGTH counts bytes; a DATE reads YYYY-MM-DD).
ALTER TABLE pending_credit ADD COLUMN hash CHAR(64) NULL COMMENT 'ChainFormat.detailHash of the row';

UPDATE pending_credit SET hash = SHA2(CONCAT(
    LENGTH('CS-LEDGER-DETAIL-2'), ':', 'CS-LEDGER-DETAIL-2',
    LENGTH(account_id), ':', account_id,
    LENGTH(voucher_no), ':', voucher_no,
    LENGTH(leg_no), ':', leg_no,
    LENGTH(reversal), ':', reversal,
    IF(reversed_entry_id IS NULL, '-', CONCAT(LENGTH(reversed_entry_id), ':', reversed_entry_id)),
    LENGTH(posting_type), ':', posting_type,
    LENGTH(side), ':', side,
    LENGTH(amount_minor), ':', amount_minor,
    LENGTH(currency), ':', currency,
    LENGTH(accounting_date), ':', accounting_date,
    LENGTH(trace_id), ':', trace_id,
    LENGTH(request_digest), ':', request_digest), 256) WHERE hash IS NULL;

ALTER TABLE pending_credit MODIFY COLUMN hash CHAR(64) NOT NULL COMMENT 'ChainFormat.detailHash of the row';
