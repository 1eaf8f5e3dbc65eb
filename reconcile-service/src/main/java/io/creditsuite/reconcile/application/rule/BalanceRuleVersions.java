package io.creditsuite.reconcile.application.rule;

import io.creditsuite.api.reconcile.BalanceRuleView;
import java.util.List;
import java.util.Optional;

/** The stored versions of the full check's balance rules and their audit. Calls join the caller's transaction. */
public interface BalanceRuleVersions {
    /** The highest version of the rule, locked until the transaction ends (two publishers never take one number). */
    Optional<BalanceRuleView> latest(String ruleId);

    List<BalanceRuleView> latestOfEach();

    void insert(BalanceRuleView version);

    /** @param before the version superseded, or null for a new rule */
    void audit(String action, String who, String reason, BalanceRuleView before, BalanceRuleView after);
}
