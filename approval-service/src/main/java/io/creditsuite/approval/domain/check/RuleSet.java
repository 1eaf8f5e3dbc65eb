package io.creditsuite.approval.domain.check;

import java.util.List;

/** A versioned set of risk rules; a published version is never edited, only superseded by the next. */
public record RuleSet(String version, List<RiskRule> rules) {
    public RuleSet {
        rules = List.copyOf(rules);
    }
}
