package io.creditsuite.approval.domain.check;

/**
 * The rule set and scorecard versions in force (ACTIVE) at the moment of the call, and any version's contents. A
 * version is never edited, so a caller may keep what it loaded for a version id.
 */
public interface CheckConfiguration {
    String activeRuleSetVersion();

    String activeScorecardVersion();

    RuleSet ruleSet(String version);

    Scorecard scorecard(String version);
}
