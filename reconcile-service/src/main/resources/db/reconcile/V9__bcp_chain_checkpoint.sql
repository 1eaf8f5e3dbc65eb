-- The full check's incremental chain walk: where each account's chain was last verified intact.
CREATE TABLE bcp_chain_checkpoint (
    account_id  BIGINT      NOT NULL,
    version     BIGINT      NOT NULL,
    hash        CHAR(64)    NOT NULL,
    verified_at DATETIME(6) NOT NULL,
    PRIMARY KEY (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO bcp_balance_rule (rule_id, version, pass, terms_json, tolerance_minor, severity, owner_team, description,
                              enabled, created_by, created_at) VALUES
  ('F-CHAIN-INTACT', 1, 'CHAINS', '{"brokenEntries":1}', 0, 'critical', 'ledger',
   'every account''s journal chain is intact (walked by the ledger from the last verified entry)', 1, 'flyway',
   '2026-12-03 00:00:00');
