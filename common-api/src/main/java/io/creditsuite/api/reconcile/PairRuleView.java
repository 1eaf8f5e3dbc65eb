package io.creditsuite.api.reconcile;

import java.io.Serializable;

/**
 * One version of a BCP pair rule: {@code key(left) = key(right)} pairs a left and a right event; the match must hold
 * within {@code windowSeconds}. The highest version of a rule id is the one in force, when it is enabled.
 */
public record PairRuleView(String ruleId, int version, String leftEvent, String rightEvent, String leftKey,
                           String rightKey, String match, int windowSeconds, String severity, String ownerTeam,
                           String description, boolean enabled, String createdBy, long createdAtEpochMillis)
        implements Serializable {
}
