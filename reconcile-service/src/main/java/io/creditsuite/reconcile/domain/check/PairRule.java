package io.creditsuite.reconcile.domain.check;

import java.time.Duration;

/**
 * A real-time check pairing facts of two services (rules are data, {@code bcp_rule}):
 * <pre>
 *   key(left)  = leftKey evaluated on the left event   (nil: the event is not this rule's)
 *   key(right) = rightKey evaluated on the right event
 *   for every key: within window of the first side's arrival the other side arrives, and match(left, right) holds
 * </pre>
 * A side missing after the window is confirmed against its source of truth before anything is raised.
 */
public record PairRule(String ruleId, int version, String leftEvent, String rightEvent, String leftKey,
                       String rightKey, String match, Duration window, String severity, String ownerTeam,
                       String description) {
}
