-- Lending (issue 11): partners, their customers, loans and repayments. credit-service owns the loan and begins its
-- drawdown's Seata global transaction. Money is BIGINT minor units with CHAR(3) currency; times are UTC.

-- The lending side of a partner: the ledger accounts its loans move (keys and scopes live in the gateway).
CREATE TABLE lending_partner (
    partner_id                 VARCHAR(64)  NOT NULL,
    name                       VARCHAR(200) NOT NULL,
    currency                   CHAR(3)      NOT NULL,
    funding_account_id         BIGINT       NOT NULL COMMENT 'ASSET: drawdowns lower it, repayments raise it',
    interest_income_account_id BIGINT       NOT NULL COMMENT 'INCOME: repaid interest',
    registered_at              DATETIME(3)  NOT NULL,
    PRIMARY KEY (partner_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A partner's customer: a credit_customer owned by the partner, known to it by its own reference.
CREATE TABLE lending_customer (
    customer_id          VARCHAR(64)  NOT NULL COMMENT 'assigned by the suite (CU...), also credit_customer.customer_id',
    partner_id           VARCHAR(64)  NOT NULL,
    partner_customer_ref VARCHAR(64)  NOT NULL,
    name                 VARCHAR(200) NOT NULL,
    department           VARCHAR(64)  NULL,
    body_hash            CHAR(64)     NOT NULL COMMENT 'of the onboarding body: the same reference with another body is a reuse',
    loan_account_id      BIGINT       NULL COMMENT 'loan receivable (ASSET) in the ledger; NULL until opened',
    onboarded_at         DATETIME(3)  NOT NULL,
    PRIMARY KEY (customer_id),
    UNIQUE KEY uk_lending_customer_ref (partner_id, partner_customer_ref)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A loan: PENDING -> DISBURSING -> ACTIVE -> REPAID, or PENDING -> REFUSED. Its credit hold is 'loan:<loan_id>',
-- its funding transfer in the ledger 'LOAN-<loan_id>'.
CREATE TABLE lending_loan (
    loan_id                VARCHAR(32)  NOT NULL,
    partner_id             VARCHAR(64)  NOT NULL,
    request_id             VARCHAR(64)  NOT NULL COMMENT 'the partner''s request id, unique per partner',
    body_hash              CHAR(64)     NOT NULL,
    customer_id            VARCHAR(64)  NOT NULL,
    line_id                VARCHAR(64)  NOT NULL,
    product_node_id        BIGINT       NOT NULL,
    amount_minor           BIGINT       NOT NULL,
    currency               CHAR(3)      NOT NULL,
    payee_account          VARCHAR(64)  NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    refusal                VARCHAR(32)  NULL,
    refusal_detail         VARCHAR(500) NULL,
    repaid_principal_minor BIGINT       NOT NULL DEFAULT 0,
    xid                    VARCHAR(128) NULL COMMENT 'the drawdown''s Seata global transaction',
    created_at             DATETIME(3)  NOT NULL,
    disbursed_at           DATETIME(3)  NULL,
    PRIMARY KEY (loan_id),
    UNIQUE KEY uk_loan_partner_request (partner_id, request_id),
    KEY ix_loan_status (status, created_at),
    KEY ix_loan_customer (customer_id),
    CONSTRAINT ck_loan_amounts CHECK (amount_minor > 0 AND repaid_principal_minor >= 0
        AND repaid_principal_minor <= amount_minor),
    CONSTRAINT ck_loan_refusal CHECK ((refusal IS NULL) = (status <> 'REFUSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A repayment: PENDING -> DONE (posted in the ledger, limit returned) or FAILED (refused by the ledger).
CREATE TABLE lending_repayment (
    repayment_id     VARCHAR(32)  NOT NULL,
    partner_id       VARCHAR(64)  NOT NULL,
    request_id       VARCHAR(64)  NOT NULL COMMENT 'the partner''s request id, unique per partner',
    body_hash        CHAR(64)     NOT NULL,
    loan_id          VARCHAR(32)  NOT NULL,
    seq              INT          NOT NULL COMMENT 'n-th repayment of the loan; the voucher is LOAN-<loan>-R-<seq>',
    principal_minor  BIGINT       NOT NULL,
    interest_minor   BIGINT       NOT NULL,
    currency         CHAR(3)      NOT NULL,
    payer_account    VARCHAR(64)  NOT NULL,
    voucher_no       VARCHAR(64)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    failure          VARCHAR(500) NULL,
    created_at       DATETIME(3)  NOT NULL,
    settled_at       DATETIME(3)  NULL,
    PRIMARY KEY (repayment_id),
    UNIQUE KEY uk_repayment_partner_request (partner_id, request_id),
    UNIQUE KEY uk_repayment_loan_seq (loan_id, seq),
    UNIQUE KEY uk_repayment_voucher (voucher_no),
    KEY ix_repayment_status (status, created_at),
    CONSTRAINT ck_repayment_amounts CHECK (principal_minor > 0 AND interest_minor >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
