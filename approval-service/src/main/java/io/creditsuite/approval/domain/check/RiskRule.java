package io.creditsuite.approval.domain.check;

/**
 * A risk rule: when {@code expression} is true of an application, the rule fires with its outcome.
 *
 * @param outcome REJECT (the application is rejected) or REVIEW (it needs manual review)
 */
public record RiskRule(String code, String description, String expression, RuleOutcome outcome) {
    public enum RuleOutcome { REJECT, REVIEW }
}
