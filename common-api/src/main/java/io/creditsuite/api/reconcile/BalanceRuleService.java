package io.creditsuite.api.reconcile;

import io.creditsuite.api.error.ApiException;
import java.util.List;

/**
 * The full check's balance rules as data ({@code |sum(coefficient x balance)| <= toleranceMinor}, evaluated by one
 * pass on every subject it measures): publish a new version (in force from the next full check on, no deploy),
 * disable a rule; a version is never edited. Every change is audited (who, when, why, before, after) in the change's
 * transaction. A malformed rule (an id that is not {@code F-...}, a pass that is not administrable, a balance the
 * pass does not measure, a zero coefficient, a negative tolerance, ...) is CS-5004 and writes nothing; an unknown
 * rule id CS-5005.
 */
public interface BalanceRuleService {
    /** The version in force of every balance rule, enabled or not, by rule id. */
    List<BalanceRuleView> balanceRules() throws ApiException;

    BalanceRuleView publishBalance(PublishBalanceRuleRequest request) throws ApiException;

    /** A new version of the rule, disabled: the next full check no longer evaluates it. */
    BalanceRuleView disableBalance(String ruleId, String who, String reason) throws ApiException;
}
