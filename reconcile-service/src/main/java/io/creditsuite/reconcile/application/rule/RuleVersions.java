package io.creditsuite.reconcile.application.rule;

import io.creditsuite.api.reconcile.PairRuleView;
import java.util.List;
import java.util.Optional;

/** The stored versions of the pair rules and their audit. Calls join the caller's transaction. */
public interface RuleVersions {
    /** The highest version of the rule, locked until the transaction ends (two publishers never take one number). */
    Optional<PairRuleView> latest(String ruleId);

    List<PairRuleView> latestOfEach();

    void insert(PairRuleView version);

    /** @param before the version superseded, or null for a new rule */
    void audit(String action, String who, String reason, PairRuleView before, PairRuleView after);
}
