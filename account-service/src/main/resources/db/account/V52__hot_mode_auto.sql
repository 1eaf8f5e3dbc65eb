-- Automatic hot detection: whether the account's hot mode was set by the detector (only such an
-- account is switched back to NORMAL when its rate stays low); the detector lists them each window.
ALTER TABLE account ADD COLUMN hot_mode_auto TINYINT NOT NULL DEFAULT 0;
CREATE INDEX idx_account_hot_mode_auto ON account (hot_mode_auto, hot_mode);
