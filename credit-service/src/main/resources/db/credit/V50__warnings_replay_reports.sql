-- Replay corrections, flow imports and warnings (issue 4, deliverables 5 and 6). Amounts are BIGINT minor units;
-- times are UTC.

-- 修正: one row per node an audited correction changed: who, when, why, the stored balances before and the
-- replayed balances after (the flow log itself is never edited).
CREATE TABLE credit_balance_correction (
    request_id                  VARCHAR(64)  NOT NULL,
    node_id                     BIGINT       NOT NULL,
    line_id                     VARCHAR(64)  NOT NULL,
    actor                       VARCHAR(64)  NOT NULL,
    reason                      VARCHAR(500) NOT NULL,
    occurred_at                 DATETIME(3)  NOT NULL,
    before_fixed_minor          BIGINT       NOT NULL,
    before_temporary_minor      BIGINT       NOT NULL,
    before_temporary_expires_at DATETIME(3)  NULL,
    before_retired_minor        BIGINT       NOT NULL,
    before_frozen_minor         BIGINT       NOT NULL,
    before_in_transit_minor     BIGINT       NOT NULL,
    before_in_use_minor         BIGINT       NOT NULL,
    after_fixed_minor           BIGINT       NOT NULL,
    after_temporary_minor       BIGINT       NOT NULL,
    after_temporary_expires_at  DATETIME(3)  NULL,
    after_retired_minor         BIGINT       NOT NULL,
    after_frozen_minor          BIGINT       NOT NULL,
    after_in_transit_minor      BIGINT       NOT NULL,
    after_in_use_minor          BIGINT       NOT NULL,
    body_hash                   CHAR(64)     NOT NULL,
    PRIMARY KEY (request_id, node_id),
    KEY ix_correction_line (line_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One import of historical flows from CSV (the migration path); its flows are in credit_flow with
-- trace_id 'import:<request_id>'.
CREATE TABLE credit_flow_import (
    request_id  VARCHAR(64)  NOT NULL,
    body_hash   CHAR(64)     NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    imported_at DATETIME(3)  NOT NULL,
    flow_count  INT          NOT NULL,
    entry_count INT          NOT NULL,
    node_count  INT          NOT NULL,
    PRIMARY KEY (request_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- 预警: every warning raised; warning_key (kind, subject and, for lasting conditions, the UTC day) makes a scan
-- idempotent. published_at is set once the RocketMQ event is sent (an outbox: unsent rows are sent by the next scan).
CREATE TABLE credit_warning (
    warning_key  VARCHAR(191) NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    subject      VARCHAR(96)  NOT NULL,
    customer_id  VARCHAR(64)  NULL,
    line_id      VARCHAR(64)  NULL,
    currency     CHAR(3)      NULL,
    amount_minor BIGINT       NOT NULL,
    detail       VARCHAR(500) NOT NULL,
    raised_at    DATETIME(3)  NOT NULL,
    published_at DATETIME(3)  NULL,
    PRIMARY KEY (warning_key),
    KEY ix_warning_raised (raised_at),
    KEY ix_warning_customer (customer_id, raised_at),
    KEY ix_warning_unpublished (published_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Repayments due on holds (the input of OVERDUE), one row per instalment.
CREATE TABLE credit_repayment_due (
    request_id   VARCHAR(64) NOT NULL,
    hold_id      VARCHAR(64) NOT NULL,
    due_at       DATETIME(3) NOT NULL,
    amount_minor BIGINT      NOT NULL,
    currency     CHAR(3)     NOT NULL,
    body_hash    CHAR(64)    NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (request_id),
    KEY ix_due_hold (hold_id, due_at),
    CONSTRAINT ck_due_positive CHECK (amount_minor > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- 分行业限额: a cap of used + frozen over all business-type nodes of a business type, per currency.
CREATE TABLE credit_business_cap (
    business_type VARCHAR(64) NOT NULL,
    currency      CHAR(3)     NOT NULL,
    cap_minor     BIGINT      NOT NULL,
    updated_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (business_type, currency),
    CONSTRAINT ck_cap_not_negative CHECK (cap_minor >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
