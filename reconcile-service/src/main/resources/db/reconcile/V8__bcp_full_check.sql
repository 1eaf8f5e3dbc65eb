-- BCP full checks (T+1 and on demand): the balance equations are data, each run is resumable from its cursor.

-- A balance equation between measured balances (Formance Reconciliation's typed rule):
-- |sum(coefficient x balance)| <= tolerance_minor, evaluated by the full check's pass on each subject it measures.
CREATE TABLE bcp_balance_rule (
    rule_id         VARCHAR(48)   NOT NULL,
    version         INT           NOT NULL,
    pass            VARCHAR(24)   NOT NULL COMMENT 'LEDGER_TOTALS, END_OF_DAY, LIMIT_NODES, CUSTOMERS',
    terms_json      VARCHAR(1000) NOT NULL COMMENT 'named balance -> coefficient, e.g. {"debits":1,"credits":-1}',
    tolerance_minor BIGINT        NOT NULL,
    severity        VARCHAR(16)   NOT NULL,
    owner_team      VARCHAR(48)   NOT NULL,
    description     VARCHAR(256)  NOT NULL,
    enabled         TINYINT       NOT NULL DEFAULT 1,
    created_by      VARCHAR(64)   NOT NULL,
    created_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (rule_id, version),
    CONSTRAINT ck_balance_rule_tolerance CHECK (tolerance_minor >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO bcp_balance_rule (rule_id, version, pass, terms_json, tolerance_minor, severity, owner_team, description,
                              enabled, created_by, created_at) VALUES
  ('F-LEDGER-TOTALS', 1, 'LEDGER_TOTALS', '{"debits":1,"credits":-1}', 0, 'critical', 'ledger',
   'sum of debits = sum of credits per currency and accounting date (journal and pending details)', 1, 'flyway',
   '2026-12-03 00:00:00'),
  ('F-EOD-BALANCE', 1, 'END_OF_DAY', '{"endOfDay":1,"previousEndOfDay":-1,"flows":-1}', 0, 'critical', 'ledger',
   'end-of-day balance = previous end-of-day balance + the day''s journal flows', 1, 'flyway', '2026-12-03 00:00:00'),
  ('F-NODE-REPLAY', 1, 'LIMIT_NODES', '{"stored":1,"replayed":-1}', 0, 'critical', 'credit',
   'every limit node''s stored balances = the replay (sum) of its flow entries, field by field', 1, 'flyway',
   '2026-12-03 00:00:00'),
  ('F-CUSTOMER-USED-LEDGER', 1, 'CUSTOMERS', '{"creditUsed":1,"ledgerPrincipal":-1}', 0, 'critical', 'credit',
   'credit used by a customer''s loans (in transit + in use) = their principal outstanding in the ledger', 1,
   'flyway', '2026-12-03 00:00:00'),
  ('F-CUSTOMER-LOANS-LEDGER', 1, 'CUSTOMERS', '{"loanPrincipal":1,"ledgerPrincipal":-1}', 0, 'critical', 'credit',
   'principal outstanding of a customer''s loans (credit) = the balance of the loan account (ledger)', 1, 'flyway',
   '2026-12-03 00:00:00'),
  ('F-CUSTOMER-FROZEN', 1, 'CUSTOMERS', '{"leafFrozen":1,"holdsFrozen":-1}', 0, 'critical', 'credit',
   'frozen limit on a customer''s leaf nodes = the frozen amounts of the open holds on them', 1, 'flyway',
   '2026-12-03 00:00:00');

-- One row per full check run; a crashed run is resumed from (pass, cursor) with its partial totals.
CREATE TABLE bcp_full_check_run (
    run_id          BIGINT        NOT NULL AUTO_INCREMENT,
    scope           VARCHAR(96)   NOT NULL COMMENT 'ALL, DATE:<yyyy-mm-dd> or CUSTOMER:<id>',
    state           VARCHAR(16)   NOT NULL COMMENT 'RUNNING, PASSED, FOUND (discrepancies), FAILED',
    pass            VARCHAR(24)   NOT NULL COMMENT 'the pass in progress (or the last one)',
    cursor_text     VARCHAR(128)  NOT NULL COMMENT 'the last subject done in that pass',
    partial_json    TEXT          NULL COMMENT 'a pass''s running totals, for the resume',
    rows_read       BIGINT        NOT NULL DEFAULT 0,
    subjects        BIGINT        NOT NULL DEFAULT 0,
    findings        BIGINT        NOT NULL DEFAULT 0,
    pass_findings   BIGINT        NOT NULL DEFAULT 0 COMMENT 'findings of the pass in progress (the flood cap)',
    error           VARCHAR(1000) NULL,
    started_at      DATETIME(6)   NOT NULL,
    heartbeat_at    DATETIME(6)   NOT NULL,
    finished_at     DATETIME(6)   NULL,
    PRIMARY KEY (run_id),
    KEY ix_full_check_state (state, finished_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
