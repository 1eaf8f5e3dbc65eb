-- Two more pair rules, both inside credit-service's own events: a committed drawdown used its hold's limit, and a
-- repayment returned its principal to the limit (docs/events.md, "Lending events").
INSERT INTO bcp_rule (rule_id, version, kind, left_event, right_event, left_key, right_key, match_expr, window_seconds,
                      severity, owner_team, description, enabled, created_by, created_at) VALUES
  ('R-DRAWDOWN-LIMIT', 1, 'PAIR', 'LOAN_DRAWDOWN_COMMITTED', 'CREDIT_HOLD_USED',
   'left.creditRequestId',
   'string.startsWith(right.requestId, ''tcc-confirm:loan:'') ? right.requestId : nil',
   'left.amountMinor == right.creditMinor && left.currency == right.currency && left.lineId == right.lineId',
   60, 'critical', 'credit', 'a committed drawdown used exactly its amount of the line''s limit',
   1, 'flyway', '2026-12-03 00:00:00'),
  ('R-REPAYMENT-LIMIT', 1, 'PAIR', 'LOAN_REPAID', 'CREDIT_HOLD_RETURNED',
   'left.creditRequestId',
   'string.startsWith(right.requestId, ''repay:'') ? right.requestId : nil',
   'left.principalMinor == right.creditMinor && left.currency == right.currency && left.lineId == right.lineId',
   60, 'critical', 'credit', 'a repayment returned exactly its principal to the line''s limit',
   1, 'flyway', '2026-12-03 00:00:00');
