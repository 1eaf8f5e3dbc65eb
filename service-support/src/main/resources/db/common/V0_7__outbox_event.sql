-- The transactional outbox (service-support's io.creditsuite.support.outbox): a business event is inserted in the
-- same local transaction as the fact it reports, so it exists if and only if the fact committed; the relay sends
-- unsent rows to RocketMQ in id order and marks them sent. At least once: a relay that crashed after a send and before
-- its mark sends the row again; consumers dedupe by business key (mq_consumed). docs/events.md has the schemas.
CREATE TABLE outbox_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    topic          VARCHAR(64)  NOT NULL,
    event_type     VARCHAR(64)  NOT NULL COMMENT 'also the message tag',
    schema_version INT          NOT NULL,
    business_key   VARCHAR(128) NOT NULL COMMENT 'message KEYS; consumers dedupe on it',
    ordering_key   VARCHAR(128) NOT NULL COMMENT 'one queue per key: the customer id',
    payload_json   MEDIUMTEXT   NOT NULL,
    trace_id       VARCHAR(64)  NULL,
    request_id     VARCHAR(64)  NULL,
    created_at     DATETIME(3)  NOT NULL,
    sent_at        DATETIME(3)  NULL COMMENT 'null until the broker stored it',
    attempts       INT          NOT NULL DEFAULT 0 COMMENT 'failed sends so far',
    last_error     VARCHAR(512) NULL,
    PRIMARY KEY (id),
    -- a fact is reported once: a second append of the same event fails the fact's own transaction
    UNIQUE KEY uk_outbox_event_business (event_type, business_key),
    -- the relay's poll (sent_at IS NULL ORDER BY id) and the purge (sent_at < ?)
    KEY idx_outbox_event_sent (sent_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per relay: the instance that holds its row lock (SELECT ... FOR UPDATE SKIP LOCKED, kept until the batch's
-- marks commit) is the only one sending; the others skip the round. Per-ordering-key order needs one sender at a time.
CREATE TABLE outbox_relay_lease (
    name       VARCHAR(64)  NOT NULL,
    holder     VARCHAR(128) NULL COMMENT 'the last instance that sent, for support',
    renewed_at DATETIME(3)  NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO outbox_relay_lease (name) VALUES ('outbox-relay');
