-- One row per TCC probe run that credit-service initiated: the probe id's idempotency record.
-- RUNNING while the global transaction is open; FINISHED stores the result that a repeated call
-- returns; FAILED stores why the run could not complete (the probe id is then spent).
CREATE TABLE tcc_probe_run (
    probe_id      VARCHAR(64)  NOT NULL,
    scenario      VARCHAR(32)  NOT NULL,
    state         VARCHAR(16)  NOT NULL COMMENT 'RUNNING, FINISHED or FAILED',
    xid           VARCHAR(128) NULL,
    global_status VARCHAR(32)  NULL,
    account_try   VARCHAR(16)  NULL COMMENT 'SUCCEEDED, FAILED or TIMED_OUT',
    phase2_millis BIGINT       NULL,
    error_detail  VARCHAR(512) NULL,
    started_at    DATETIME(3)  NOT NULL,
    finished_at   DATETIME(3)  NULL,
    PRIMARY KEY (probe_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
