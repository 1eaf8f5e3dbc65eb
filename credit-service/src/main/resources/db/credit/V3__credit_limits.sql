-- Credit limits (授信额度): customers, lines, the limit DAG (nodes and edges), holds, the flow log
-- (流水, one row per request) with one entry per node (分录), and audited maintenance.
-- Amounts are BIGINT minor units of the row's currency. Times are UTC.

CREATE TABLE credit_customer (
    customer_id VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    source      VARCHAR(16)  NOT NULL COMMENT 'PLATFORM, BANK, ENTERPRISE or DEALER',
    group_id    VARCHAR(64)  NULL COMMENT 'the customer group (集团), for group queries',
    department  VARCHAR(64)  NULL COMMENT 'the department managing the customer, for department queries',
    request_id  VARCHAR(64)  NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (customer_id),
    UNIQUE KEY uk_customer_request (request_id),
    KEY ix_customer_group (group_id),
    KEY ix_customer_department (department)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE credit_line (
    line_id          VARCHAR(64)   NOT NULL,
    grantor_id       VARCHAR(64)   NOT NULL,
    holder_id        VARCHAR(64)   NOT NULL,
    limit_type       VARCHAR(24)   NOT NULL,
    currency         CHAR(3)       NOT NULL,
    subject_id       VARCHAR(64)   NOT NULL COMMENT 'accounting subject (科目)',
    term_start       DATETIME(3)   NOT NULL,
    term_end         DATETIME(3)   NOT NULL,
    revolving        BOOLEAN       NOT NULL,
    rate             DECIMAL(9, 6) NOT NULL,
    status           VARCHAR(16)   NOT NULL COMMENT 'ACTIVE, FROZEN or CLEARED',
    clear_request_id VARCHAR(64)   NULL COMMENT 'the CLEAR flow a RESTORE reverses',
    grant_request_id VARCHAR(64)   NOT NULL,
    created_at       DATETIME(3)   NOT NULL,
    PRIMARY KEY (line_id),
    UNIQUE KEY uk_line_grant_request (grant_request_id),
    KEY ix_line_holder (holder_id),
    KEY ix_line_grantor (grantor_id),
    CONSTRAINT fk_line_grantor FOREIGN KEY (grantor_id) REFERENCES credit_customer (customer_id),
    CONSTRAINT fk_line_holder FOREIGN KEY (holder_id) REFERENCES credit_customer (customer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Balances change only through flows (credit_flow_entry); the CHECK is the database's own guard that
-- nothing ever goes negative. used + frozen <= limit is enforced by the writer's conditional updates
-- (a temporary limit's expiry depends on the time, which a CHECK cannot see).
CREATE TABLE limit_node (
    node_id              BIGINT      NOT NULL AUTO_INCREMENT,
    line_id              VARCHAR(64) NOT NULL,
    level                VARCHAR(16) NOT NULL COMMENT 'LIMIT_TYPE, BUSINESS_TYPE or PRODUCT',
    business_type        VARCHAR(64) NULL,
    product_code         VARCHAR(64) NULL,
    revolving            BOOLEAN     NOT NULL,
    currency             CHAR(3)     NOT NULL,
    fixed_minor          BIGINT      NOT NULL DEFAULT 0,
    temporary_minor      BIGINT      NOT NULL DEFAULT 0,
    temporary_expires_at DATETIME(3) NULL,
    retired_minor        BIGINT      NOT NULL DEFAULT 0 COMMENT 'limit retired by non-revolving returns',
    frozen_minor         BIGINT      NOT NULL DEFAULT 0,
    in_transit_minor     BIGINT      NOT NULL DEFAULT 0,
    in_use_minor         BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (node_id),
    KEY ix_node_line (line_id),
    CONSTRAINT fk_node_line FOREIGN KEY (line_id) REFERENCES credit_line (line_id),
    CONSTRAINT ck_node_not_negative CHECK (fixed_minor >= 0 AND temporary_minor >= 0 AND retired_minor >= 0
        AND frozen_minor >= 0 AND in_transit_minor >= 0 AND in_use_minor >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The DAG's edges. USAGE: a use of the child also uses the parent. GRANT: the child's limit is carved
-- out of the parent's at grant time.
CREATE TABLE limit_edge (
    child_node_id  BIGINT      NOT NULL,
    parent_node_id BIGINT      NOT NULL,
    kind           VARCHAR(8)  NOT NULL COMMENT 'USAGE or GRANT',
    PRIMARY KEY (child_node_id, parent_node_id),
    KEY ix_edge_parent (parent_node_id),
    CONSTRAINT fk_edge_child FOREIGN KEY (child_node_id) REFERENCES limit_node (node_id),
    CONSTRAINT fk_edge_parent FOREIGN KEY (parent_node_id) REFERENCES limit_node (node_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One drawing on a line; hold_id is the request id that opened it.
CREATE TABLE credit_hold (
    hold_id          VARCHAR(64) NOT NULL,
    line_id          VARCHAR(64) NOT NULL,
    leaf_node_id     BIGINT      NOT NULL,
    currency         CHAR(3)     NOT NULL,
    frozen_minor     BIGINT      NOT NULL,
    in_transit_minor BIGINT      NOT NULL,
    in_use_minor     BIGINT      NOT NULL,
    expires_at       DATETIME(3) NULL,
    created_at       DATETIME(3) NOT NULL,
    PRIMARY KEY (hold_id),
    KEY ix_hold_expiry (expires_at),
    CONSTRAINT ck_hold_not_negative CHECK (frozen_minor >= 0 AND in_transit_minor >= 0 AND in_use_minor >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The flow log: one row per accepted request (its id is the idempotency key), in commit order by flow_seq.
CREATE TABLE credit_flow (
    flow_seq         BIGINT      NOT NULL AUTO_INCREMENT,
    request_id       VARCHAR(96) NOT NULL,
    body_hash        CHAR(64)    NOT NULL COMMENT 'SHA-256 of the request: a reused id with another body is refused',
    flow_type        VARCHAR(16) NOT NULL,
    hold_id          VARCHAR(64) NULL,
    line_id          VARCHAR(64) NULL,
    from_customer_id VARCHAR(64) NULL COMMENT 'the grantor side of the line',
    to_customer_id   VARCHAR(64) NULL COMMENT 'the holder side of the line',
    currency         CHAR(3)     NOT NULL,
    cash_minor       BIGINT      NOT NULL COMMENT 'the part paid in cash; occupies no limit',
    credit_minor     BIGINT      NOT NULL COMMENT 'the part on credit',
    occurred_at      DATETIME(6) NOT NULL,
    trace_id         VARCHAR(64) NULL,
    PRIMARY KEY (flow_seq),
    UNIQUE KEY uk_flow_request (request_id),
    KEY ix_flow_line_time (line_id, occurred_at),
    KEY ix_flow_hold (hold_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One entry per node a flow changed: the deltas of the node's balances (temporary_expires_at, when set,
-- replaces the node's expiry). Summing a node's entries from zero gives its balances.
CREATE TABLE credit_flow_entry (
    flow_seq             BIGINT      NOT NULL,
    node_id              BIGINT      NOT NULL,
    fixed_minor          BIGINT      NOT NULL,
    temporary_minor      BIGINT      NOT NULL,
    temporary_expires_at DATETIME(3) NULL,
    retired_minor        BIGINT      NOT NULL,
    frozen_minor         BIGINT      NOT NULL,
    in_transit_minor     BIGINT      NOT NULL,
    in_use_minor         BIGINT      NOT NULL,
    PRIMARY KEY (flow_seq, node_id),
    KEY ix_entry_node (node_id, flow_seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every maintenance change: who, the checker for approved adjustments, when, before, after, why.
CREATE TABLE credit_audit (
    request_id  VARCHAR(64)   NOT NULL,
    line_id     VARCHAR(64)   NOT NULL,
    action      VARCHAR(24)   NOT NULL,
    actor       VARCHAR(64)   NOT NULL,
    checker     VARCHAR(64)   NULL,
    occurred_at DATETIME(3)   NOT NULL,
    before_text VARCHAR(1000) NOT NULL,
    after_text  VARCHAR(1000) NOT NULL,
    reason      VARCHAR(500)  NOT NULL,
    body_hash   CHAR(64)      NOT NULL,
    PRIMARY KEY (request_id),
    KEY ix_audit_line (line_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Adjustments above the configured amount wait here for a second person (maker-checker).
CREATE TABLE credit_approval (
    approval_id          VARCHAR(64)  NOT NULL COMMENT 'the maker''s request id',
    node_id              BIGINT       NOT NULL,
    line_id              VARCHAR(64)  NOT NULL,
    fixed_minor          BIGINT       NOT NULL,
    temporary_minor      BIGINT       NOT NULL,
    temporary_expires_at DATETIME(3)  NULL,
    maker                VARCHAR(64)  NOT NULL,
    reason               VARCHAR(500) NOT NULL,
    body_hash            CHAR(64)     NOT NULL,
    status               VARCHAR(16)  NOT NULL COMMENT 'PENDING, APPROVED or REJECTED',
    checker              VARCHAR(64)  NULL,
    decision_request_id  VARCHAR(64)  NULL,
    created_at           DATETIME(3)  NOT NULL,
    decided_at           DATETIME(3)  NULL,
    PRIMARY KEY (approval_id),
    UNIQUE KEY uk_approval_decision (decision_request_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
