-- The effect of consuming an MQ probe message: one row per probe id, written in the same local
-- transaction as its mq_consumed row, so a redelivered probe adds nothing.
CREATE TABLE probe_receipt (
    probe_id      VARCHAR(64) NOT NULL,
    msg_id        VARCHAR(64) NOT NULL COMMENT 'the delivery that took effect; for support only',
    transactional BOOLEAN     NOT NULL,
    sent_at       DATETIME(3) NOT NULL,
    received_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (probe_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
