package io.creditsuite.reconcile.domain.check;

import java.time.Duration;
import java.util.List;

/**
 * A real-time check pairing facts of two services (rules are data, {@code bcp_rule}):
 * <pre>
 *   key(left)  = leftKey evaluated on the left event   (nil: the event is not this rule's)
 *   key(right) = rightKey evaluated on the right event
 *   for every key: within window of the first side's arrival the other side arrives, and match(left, right) holds
 *   right side = an event of any of the types rightEvent names, separated by '|' (a hold's FROZEN against its USED,
 *                RELEASED or EXPIRED): the first of them to come completes the pair, each later one is matched again
 * </pre>
 * A side missing after the window is confirmed against its source of truth before anything is raised.
 */
public record PairRule(String ruleId, int version, String leftEvent, String rightEvent, String leftKey,
                       String rightKey, String match, Duration window, String severity, String ownerTeam,
                       String description) {
    /** Separates the alternatives in {@code rightEvent}. */
    public static final String ANY_OF = "|";

    /** The event types any of which is the right side, in the order the rule names them. */
    public List<String> rightEvents() {
        return List.of(rightEvent.split("\\" + ANY_OF));
    }

    public boolean isRight(String eventType) {
        return rightEvents().contains(eventType);
    }
}
