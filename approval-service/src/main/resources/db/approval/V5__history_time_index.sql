-- The throughput report counts decisions by time (JdbcDecisionCounts): without this index it read the whole history.
CREATE INDEX ix_history_at ON application_history (at);
