package io.creditsuite.approval.domain.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One application's automatic checks, explained: the blacklist hits, every rule that fired, each scorecard
 * characteristic's bin and points, then the route ({@link RoutingPolicy}). Pure: the same subject, lists and versions
 * give the same report.
 */
public final class CheckRun {
    /** A rule set or scorecard with its predicates compiled once for its version. */
    public record CompiledRules(RuleSet ruleSet, List<ExpressionEngine.Predicate> predicates) {
    }

    public record CompiledScorecard(Scorecard scorecard, List<List<ExpressionEngine.Predicate>> binPredicates) {
    }

    private CheckRun() {
    }

    public static CompiledRules compile(RuleSet ruleSet, ExpressionEngine engine) {
        return new CompiledRules(ruleSet, ruleSet.rules().stream().map(r -> compileNamed(engine, r.code(),
                r.expression())).toList());
    }

    public static CompiledScorecard compile(Scorecard scorecard, ExpressionEngine engine) {
        return new CompiledScorecard(scorecard, scorecard.characteristics().stream().map(c -> c.bins().stream()
                .map(b -> compileNamed(engine, c.code() + " " + b.label(), b.predicate())).toList()).toList());
    }

    public static CheckReport run(CheckSubject subject, List<BlacklistEntry> hits, CompiledRules rules,
                                  CompiledScorecard scorecard) {
        Map<String, Object> facts = facts(subject);
        List<CheckFinding> findings = new ArrayList<>();
        for (BlacklistEntry hit : hits) {
            findings.add(new CheckFinding("BLACKLIST", hit.entryId(), hit.kind() + " matches entry " + hit.entryId()
                    + " (" + hit.reason() + ")", "HIT"));
        }
        String rejectingRule = null;
        boolean reviewFired = false;
        for (int i = 0; i < rules.predicates().size(); i++) {
            RiskRule rule = rules.ruleSet().rules().get(i);
            if (rules.predicates().get(i).test(facts)) {
                findings.add(new CheckFinding("RULE", rule.code(), rule.description(), rule.outcome().name()));
                if (rule.outcome() == RiskRule.RuleOutcome.REJECT && rejectingRule == null) {
                    rejectingRule = rule.code();
                }
                reviewFired |= rule.outcome() == RiskRule.RuleOutcome.REVIEW;
            }
        }
        Scorecard card = scorecard.scorecard();
        int score = card.baseScore();
        for (int c = 0; c < card.characteristics().size(); c++) {
            Scorecard.Characteristic characteristic = card.characteristics().get(c);
            int points = 0;
            String label = "no bin";
            for (int b = 0; b < characteristic.bins().size(); b++) {
                if (scorecard.binPredicates().get(c).get(b).test(facts)) {
                    points = characteristic.bins().get(b).points();
                    label = characteristic.bins().get(b).label();
                    break;
                }
            }
            score += points;
            findings.add(new CheckFinding("SCORE", characteristic.code(), characteristic.code() + " in " + label
                    + ": " + points + " points", Integer.toString(points)));
        }
        RoutingPolicy.Decision decision = RoutingPolicy.route(hits.isEmpty() ? null : hits.get(0).entryId(),
                rejectingRule, reviewFired, score, card);
        return new CheckReport(decision.route(), score, rules.ruleSet().version(), card.version(),
                decision.reasonCode(), findings);
    }

    /** The names rule and bin expressions read; money in long minor units. */
    public static Map<String, Object> facts(CheckSubject s) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("identityType", s.identityType());
        facts.put("age", s.age() == null ? null : s.age().longValue());
        facts.put("industry", s.industry());
        facts.put("declaredAnnualRevenueMinor", s.declaredAnnualRevenueMinor());
        facts.put("regionPath", s.regionPath());
        facts.put("productLine", s.productLine());
        facts.put("currency", s.currency());
        facts.put("requestedMinor", s.requestedMinor());
        facts.put("termMonths", (long) s.termMonths());
        facts.put("existingExposureMinor", s.existingExposureMinor());
        return facts;
    }

    private static ExpressionEngine.Predicate compileNamed(ExpressionEngine engine, String name, String expression) {
        try {
            return engine.compile(expression);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
