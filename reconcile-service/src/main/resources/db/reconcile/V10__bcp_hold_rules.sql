-- A pair rule's right side may be any of several event types, separated by '|' (PairRule.rightEvents): the first of
-- them to come completes the pair. Up to four names of 48 characters and their separators.
ALTER TABLE bcp_rule MODIFY right_event VARCHAR(200) NOT NULL;

-- A hold (冻结) is settled by its use, its release or its expiry (docs/events.md, CS_CREDIT_EVENTS). Direct uses open
-- their hold in their own USE flow (requestId = holdId) and have no FROZEN: they are not this rule's. A hold may stay
-- frozen legitimately until it is used, released or expires: after the window, reconcile-service asks credit-service
-- for the hold's current state (DubboCounterparts) and waits while it is open and not past its expiry and a grace.
-- The match: what this flow took plus what is still frozen after it is never more than was frozen (so used +
-- released never exceed the hold), and a release or an expiry leaves nothing frozen.
INSERT INTO bcp_rule (rule_id, version, kind, left_event, right_event, left_key, right_key, match_expr, window_seconds,
                      severity, owner_team, description, enabled, created_by, created_at) VALUES
  ('R-HOLD-SETTLED', 1, 'PAIR', 'CREDIT_HOLD_FROZEN', 'CREDIT_HOLD_USED|CREDIT_HOLD_RELEASED|CREDIT_HOLD_EXPIRED',
   'left.holdId',
   'right.holdId != nil && right.requestId != right.holdId ? right.holdId : nil',
   'left.currency == right.currency && left.lineId == right.lineId && right.creditMinor > 0 && right.hold.frozenMinor >= 0 && right.creditMinor + right.hold.frozenMinor <= left.creditMinor && (right.flowType == ''USE'' || right.hold.frozenMinor == 0)',
   300, 'critical', 'credit', 'a frozen hold is used, released or expired, never for more than was frozen',
   1, 'flyway', '2026-12-04 00:00:00');
