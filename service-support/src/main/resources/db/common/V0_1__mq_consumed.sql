-- RocketMQ consumers dedupe by business key, never by msgId: a consumer inserts
-- (consumer_group, business_key) in the same local transaction as its effect, so a
-- redelivered message hits the primary key and its effect is not applied twice.
CREATE TABLE mq_consumed (
    consumer_group VARCHAR(64)  NOT NULL,
    business_key   VARCHAR(128) NOT NULL,
    topic          VARCHAR(64)  NOT NULL,
    msg_id         VARCHAR(64)  NOT NULL COMMENT 'for support only; not part of the key',
    consumed_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (consumer_group, business_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
