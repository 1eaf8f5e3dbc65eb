-- Environment routing: the environment of the request that caused an event (blank: the baseline), sent as the
-- message's user property `env` (io.creditsuite.support.env). Repeatable and idempotent, because db/common's versions
-- (V0_x) sort before every service's own and a new V0_x would be out of order in an existing database; MySQL 8 has no
-- ADD COLUMN IF NOT EXISTS, hence the check through information_schema.
SET @outbox_env_ddl = IF((SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE()
                             AND table_name = 'outbox_event' AND column_name = 'env') = 0,
                         'ALTER TABLE outbox_event ADD COLUMN env VARCHAR(32) NULL AFTER request_id',
                         'DO 0');
PREPARE outbox_env_stmt FROM @outbox_env_ddl;
EXECUTE outbox_env_stmt;
DEALLOCATE PREPARE outbox_env_stmt;
