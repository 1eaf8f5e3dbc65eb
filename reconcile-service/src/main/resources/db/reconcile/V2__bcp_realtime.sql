-- BCP (业务核对) real-time checks: the business events received, the rules that pair them, the pairs, the
-- discrepancies and their audited transitions (reconcile-service README, "BCP").

-- every event received, once per (type, business key): a redelivery or duplicate adds nothing
CREATE TABLE bcp_fact (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    event_type    VARCHAR(48)  NOT NULL,
    business_key  VARCHAR(128) NOT NULL,
    ordering_key  VARCHAR(64)  NULL,
    occurred_at   DATETIME(6)  NOT NULL,
    trace_id      VARCHAR(128) NULL,
    payload_json  TEXT         NOT NULL,
    received_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_fact (event_type, business_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- rules are data: a new version supersedes the one in force (the highest enabled version of a rule id applies)
CREATE TABLE bcp_rule (
    rule_id        VARCHAR(48)   NOT NULL,
    version        INT           NOT NULL,
    kind           VARCHAR(16)   NOT NULL COMMENT 'PAIR',
    left_event     VARCHAR(48)   NOT NULL,
    right_event    VARCHAR(48)   NOT NULL,
    left_key       VARCHAR(512)  NOT NULL COMMENT 'expression over left: the pair key, nil = not this rule''s fact',
    right_key      VARCHAR(512)  NOT NULL COMMENT 'expression over right: the pair key, nil = not this rule''s fact',
    match_expr     VARCHAR(2000) NOT NULL COMMENT 'predicate over left and right',
    window_seconds INT           NOT NULL,
    severity       VARCHAR(16)   NOT NULL,
    owner_team     VARCHAR(48)   NOT NULL,
    description    VARCHAR(256)  NOT NULL,
    enabled        TINYINT       NOT NULL DEFAULT 1,
    created_by     VARCHAR(64)   NOT NULL,
    created_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (rule_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- one pair per (rule, key): which sides arrived, until when the missing side may still come
CREATE TABLE bcp_pair (
    rule_id        VARCHAR(48)  NOT NULL,
    pair_key       VARCHAR(128) NOT NULL,
    left_fact_id   BIGINT       NULL,
    right_fact_id  BIGINT       NULL,
    due_at         DATETIME(6)  NOT NULL,
    state          VARCHAR(16)  NOT NULL COMMENT 'WAITING, MATCHED, MISMATCHED, MISSING',
    extensions     INT          NOT NULL DEFAULT 0 COMMENT 'windows added because the source of truth had it',
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (rule_id, pair_key),
    KEY ix_pair_due (state, due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE bcp_discrepancy (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    rule_id      VARCHAR(48)   NOT NULL,
    fingerprint  VARCHAR(128)  NOT NULL,
    period       VARCHAR(16)   NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    resolution   VARCHAR(24)   NULL,
    voucher_no   VARCHAR(64)   NULL,
    detail       VARCHAR(2000) NOT NULL,
    occurrences  INT           NOT NULL,
    severity     VARCHAR(16)   NOT NULL,
    owner_team   VARCHAR(48)   NOT NULL,
    trace_ids    VARCHAR(512)  NULL,
    business_ids VARCHAR(512)  NULL,
    opened_at    DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_discrepancy (rule_id, fingerprint, period),
    KEY ix_discrepancy_state (state, rule_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE bcp_discrepancy_transition (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    discrepancy_id BIGINT        NOT NULL,
    at             DATETIME(6)   NOT NULL,
    actor          VARCHAR(64)   NOT NULL,
    from_state     VARCHAR(16)   NULL,
    to_state       VARCHAR(16)   NOT NULL,
    why            VARCHAR(2000) NULL,
    PRIMARY KEY (id),
    KEY ix_transition (discrepancy_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- the drawdown across services: the loan's committed drawdown <-> the ledger's confirmed payout of its TransOut
INSERT INTO bcp_rule (rule_id, version, kind, left_event, right_event, left_key, right_key, match_expr, window_seconds,
                      severity, owner_team, description, enabled, created_by, created_at) VALUES
  ('R-DRAWDOWN-LEDGER', 1, 'PAIR', 'LOAN_DRAWDOWN_COMMITTED', 'LEDGER_TRANSFER_CONFIRMED',
   'left.transferId + ''-OUT''',
   'right.direction == ''OUT'' && string.startsWith(right.transferId, ''LOAN-'') ? right.transferId + ''-OUT'' : nil',
   'left.amountMinor == right.amountMinor && left.currency == right.currency && left.fundingAccountId == right.accountId && left.loanAccountId == right.contraAccountId && left.ledgerVoucherNo == right.voucherNo',
   60, 'critical', 'lending', 'a committed drawdown is paid out by the ledger with the same amount, accounts and voucher',
   1, 'flyway', '2026-12-03 00:00:00'),
  ('R-REPAYMENT-LEDGER', 1, 'PAIR', 'LOAN_REPAID', 'LEDGER_LOAN_REPAID',
   'left.voucherNo',
   'string.startsWith(right.voucherNo, ''LOAN-'') ? right.voucherNo : nil',
   'left.principalMinor == right.principalMinor && left.interestMinor == right.interestMinor && left.currency == right.currency && left.fundingAccountId == right.clearingAccountId && left.loanAccountId == right.loanAccountId',
   60, 'critical', 'lending', 'a repayment posted by credit-service is the ledger''s repayment of the same amounts and accounts',
   1, 'flyway', '2026-12-03 00:00:00');
