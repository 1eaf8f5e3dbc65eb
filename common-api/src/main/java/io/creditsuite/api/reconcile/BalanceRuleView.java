package io.creditsuite.api.reconcile;

import java.io.Serializable;
import java.util.Map;

/**
 * One version of a full check's balance rule: a subject of {@code pass} holds when
 * {@code |sum(terms[name] x balance[name])| <= toleranceMinor}. The highest version of a rule id is the one in force,
 * when it is enabled.
 *
 * @param terms          balance name -> coefficient (non-zero), e.g. {@code {"stored": 1, "replayed": -1}}
 * @param toleranceMinor the largest drift accepted, minor units, {@code >= 0}
 */
public record BalanceRuleView(String ruleId, int version, String pass, Map<String, Long> terms, long toleranceMinor,
                              String severity, String ownerTeam, String description, boolean enabled,
                              String createdBy, long createdAtEpochMillis) implements Serializable {
}
