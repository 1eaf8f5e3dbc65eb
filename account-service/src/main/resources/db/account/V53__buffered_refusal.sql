-- Buffered postings (缓冲记账) accepted into the queue but refused when applied (the account was frozen meanwhile,
-- a non-buffered leg was short, ...): the voucher's final answer. Its caller heard ACCEPTED; this row is what
-- entriesByVoucher and a retry of the voucher return from then on. One row per voucher; a redelivered batch
-- finds it there already.
CREATE TABLE buffered_refusal (
  voucher_no VARCHAR(64)  NOT NULL,
  digest     CHAR(64)     NOT NULL COMMENT 'SHA-256 of the posting: the same voucher with another body is VOUCHER_REUSED',
  error      VARCHAR(32)  NOT NULL COMMENT 'the LedgerError that refused it',
  message    VARCHAR(512) NOT NULL,
  refused_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (voucher_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
