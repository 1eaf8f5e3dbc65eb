-- Seata's TCC fence (useTCCFence = true): one row per branch, written in the same local
-- transaction as the try, confirm or cancel. It makes confirm/cancel idempotent, turns a
-- cancel without a try into an empty rollback (status 4, suspended), and refuses a try that
-- arrives after its cancel (the primary key is already taken). Schema as Seata ships it.
CREATE TABLE tcc_fence_log (
    xid          VARCHAR(128) NOT NULL COMMENT 'global transaction id',
    branch_id    BIGINT       NOT NULL COMMENT 'branch transaction id',
    action_name  VARCHAR(64)  NOT NULL COMMENT 'TCC action name',
    status       TINYINT      NOT NULL COMMENT 'tried 1, committed 2, rollbacked 3, suspended 4',
    gmt_create   DATETIME(3)  NOT NULL,
    gmt_modified DATETIME(3)  NOT NULL,
    PRIMARY KEY (xid, branch_id),
    KEY idx_gmt_modified (gmt_modified),
    KEY idx_status (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
