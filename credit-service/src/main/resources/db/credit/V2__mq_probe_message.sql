-- The local side of the MQ probe: one row per probe message credit-service published. For a
-- transactional probe it is THE local transaction of the half message: the row exists if and
-- only if the message must be committed, which is what checkLocalTransaction looks up.
CREATE TABLE mq_probe_message (
    probe_id      VARCHAR(64) NOT NULL,
    transactional BOOLEAN     NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (probe_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
