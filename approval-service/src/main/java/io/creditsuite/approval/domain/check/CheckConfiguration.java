package io.creditsuite.approval.domain.check;

/** The rule set and scorecard versions in force (ACTIVE) at the moment of the call. */
public interface CheckConfiguration {
    RuleSet activeRuleSet();

    Scorecard activeScorecard();
}
