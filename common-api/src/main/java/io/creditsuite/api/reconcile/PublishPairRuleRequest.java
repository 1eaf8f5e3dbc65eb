package io.creditsuite.api.reconcile;

import java.io.Serializable;

/**
 * A new version of a pair rule (or the first one of a new rule id).
 *
 * @param ruleId   {@code R-} and 1..40 upper-case letters, digits or dashes
 * @param leftKey  an expression over {@code left} giving the pair key, or nil for an event that is not the rule's
 * @param match    a predicate over {@code left} and {@code right}
 * @param severity critical, warning or info
 * @param who      who publishes it (audited)
 */
public record PublishPairRuleRequest(String ruleId, String leftEvent, String rightEvent, String leftKey,
                                     String rightKey, String match, int windowSeconds, String severity,
                                     String ownerTeam, String description, String who) implements Serializable {
}
