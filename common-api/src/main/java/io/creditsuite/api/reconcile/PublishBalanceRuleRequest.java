package io.creditsuite.api.reconcile;

import java.io.Serializable;
import java.util.Map;

/**
 * A new version of a balance rule (or the first one of a new rule id).
 *
 * @param ruleId         {@code F-} and 1..40 upper-case letters, digits or dashes
 * @param pass           LEDGER_TOTALS, END_OF_DAY, LIMIT_NODES or CUSTOMERS; a new version keeps its rule's pass
 * @param terms          balance name -> non-zero coefficient; every name one the pass measures (e.g. LEDGER_TOTALS:
 *                       debits, credits)
 * @param toleranceMinor the largest drift accepted, minor units, {@code >= 0}
 * @param severity       critical, warning or info
 * @param who            who publishes it (audited)
 */
public record PublishBalanceRuleRequest(String ruleId, String pass, Map<String, Long> terms, long toleranceMinor,
                                        String severity, String ownerTeam, String description, String who)
        implements Serializable {
}
