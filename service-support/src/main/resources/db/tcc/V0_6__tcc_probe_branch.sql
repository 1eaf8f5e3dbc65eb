-- The business record of one TCC probe branch, kept by each participant (credit-service and
-- account-service) next to Seata's fence. The row is created when the try reaches the service,
-- in a transaction of its own, so that a try that fails or is refused still leaves a trace that
-- links the probe to its global transaction (the fence row carries only xid and branch id).
-- Its phase then changes in the SAME local transaction as the fence row: try -> TRIED,
-- confirm -> CONFIRMED, cancel -> CANCELLED; a late try refused by the fence -> TRY_REFUSED.
CREATE TABLE tcc_probe_branch (
    probe_id         VARCHAR(64)  NOT NULL,
    xid              VARCHAR(128) NOT NULL COMMENT 'the global transaction whose try reached this service',
    action_name      VARCHAR(64)  NOT NULL COMMENT 'the TCC action: with xid, finds the branch in tcc_fence_log',
    phase            VARCHAR(16)  NOT NULL COMMENT 'NONE, TRIED, CONFIRMED, CANCELLED or TRY_REFUSED',
    arrived_at       DATETIME(3)  NOT NULL,
    phase_changed_at DATETIME(3)  NULL COMMENT 'null while the phase is still NONE',
    PRIMARY KEY (probe_id),
    KEY idx_xid (xid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
