-- Credit applications (授信申请, issue 12): what a partner asked for, what the automatic checks found, where the
-- review chain stands. Amounts are BIGINT minor units of `currency`; times are UTC.

CREATE TABLE credit_application (
    application_id          VARCHAR(40)  NOT NULL,
    partner_id              VARCHAR(64)  NOT NULL,
    partner_application_id  VARCHAR(64)  NOT NULL,
    -- SHA-256 of the submitted request: the same partner application id with another body is refused (CS-1001)
    body_hash               CHAR(64)     NOT NULL,
    customer_id             VARCHAR(64)  NOT NULL,
    applicant_name          VARCHAR(128) NOT NULL,
    identity_type           VARCHAR(16)  NOT NULL,
    identity_number         VARCHAR(32)  NOT NULL,
    phone                   VARCHAR(32)  NULL,
    age                     INT          NULL,
    industry                VARCHAR(64)  NULL,
    declared_revenue_minor  BIGINT       NOT NULL,
    region_path             VARCHAR(128) NOT NULL,
    product_line            VARCHAR(64)  NOT NULL,
    limit_type              VARCHAR(16)  NOT NULL,
    currency                CHAR(3)      NOT NULL,
    requested_minor         BIGINT       NOT NULL,
    term_months             INT          NOT NULL,
    product_ids             VARCHAR(512) NOT NULL COMMENT 'comma separated, in request order',
    callback_url            VARCHAR(512) NULL,
    -- what the automatic checks found, with the versions that found it (never rewritten by a later rule change)
    route                   VARCHAR(16)  NOT NULL,
    score                   INT          NOT NULL,
    rules_version           VARCHAR(32)  NOT NULL,
    scorecard_version       VARCHAR(32)  NOT NULL,
    check_reason_code       VARCHAR(64)  NULL COMMENT 'why the checks rejected it, e.g. BLACKLIST_HIT',
    -- the review's progress (domain: ReviewProgress)
    state                   VARCHAR(24)  NOT NULL,
    step                    VARCHAR(16)  NULL,
    approved_first_minor    BIGINT       NULL,
    approved_final_minor    BIGINT       NULL,
    approved_recheck_minor  BIGINT       NULL,
    actors                  VARCHAR(512) NOT NULL DEFAULT '' COMMENT 'everyone who acted, comma separated (four eyes)',
    reason_code             VARCHAR(64)  NULL,
    line_id                 VARCHAR(64)  NULL,
    submitted_at            DATETIME(3)  NOT NULL,
    decided_at              DATETIME(3)  NULL,
    -- optimistic lock: every change is UPDATE ... WHERE version = ?
    version                 BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (application_id),
    UNIQUE KEY uk_application_partner (partner_id, partner_application_id),
    KEY ix_application_queue (state, step, submitted_at),
    CONSTRAINT ck_application_requested CHECK (requested_minor > 0),
    CONSTRAINT ck_application_bound CHECK (
        (approved_final_minor IS NULL OR approved_first_minor IS NULL OR approved_final_minor <= approved_first_minor)
        AND (approved_first_minor IS NULL OR approved_first_minor <= requested_minor)
        AND (approved_recheck_minor IS NULL OR approved_recheck_minor <= requested_minor))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Each explained result of the automatic checks: blacklist and rules first, then one line per scorecard characteristic.
CREATE TABLE application_check_finding (
    application_id VARCHAR(40)  NOT NULL,
    seq            INT          NOT NULL,
    kind           VARCHAR(16)  NOT NULL COMMENT 'BLACKLIST, RULE or SCORE',
    code           VARCHAR(64)  NOT NULL,
    detail         VARCHAR(512) NOT NULL,
    outcome        VARCHAR(32)  NOT NULL,
    PRIMARY KEY (application_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The application's history, the audit of every action on it: who, when, at which stage, what, why.
CREATE TABLE application_history (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    application_id VARCHAR(40)   NOT NULL,
    at             DATETIME(3)   NOT NULL,
    actor          VARCHAR(64)   NOT NULL,
    stage          VARCHAR(16)   NULL,
    action         VARCHAR(32)   NOT NULL,
    approved_minor BIGINT        NULL,
    reason_code    VARCHAR(64)   NULL,
    comment        VARCHAR(2000) NULL,
    state_before   VARCHAR(24)   NULL,
    state_after    VARCHAR(24)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_history_application (application_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
