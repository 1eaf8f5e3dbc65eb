-- Every change of a BCP rule (BcpRuleService): who, when, why, the version before and after (JSON).
CREATE TABLE bcp_rule_audit (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    rule_id     VARCHAR(48)  NOT NULL,
    version     INT          NOT NULL,
    action      VARCHAR(16)  NOT NULL COMMENT 'PUBLISH or DISABLE',
    actor       VARCHAR(64)  NOT NULL,
    at          DATETIME(3)  NOT NULL,
    reason      VARCHAR(256) NULL,
    before_json TEXT         NULL,
    after_json  TEXT         NOT NULL,
    PRIMARY KEY (id),
    KEY ix_rule_audit (rule_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
