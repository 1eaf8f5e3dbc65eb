package io.creditsuite.reconcile.application.realtime;

import io.creditsuite.reconcile.domain.check.Pair;
import io.creditsuite.reconcile.domain.check.PairRule;
import io.creditsuite.reconcile.domain.check.PairState;
import io.creditsuite.reconcile.domain.check.RuleEvaluationException;
import io.creditsuite.reconcile.domain.check.RuleExpressions;
import io.creditsuite.reconcile.domain.fact.Fact;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.transaction.annotation.Transactional;

/**
 * Real-time checks from events: a fact is stored once (a duplicate changes nothing), then for every pair rule it is
 * a side of, its pair is updated; a complete pair is matched at once, whatever the order the sides came in (so
 * reordering never raises), and a pair missing a side is left to {@link OverduePairs}. A pair that matches resolves
 * the discrepancy its earlier state opened.
 */
public class RealTimeChecks {
    /** The meta-rule of a pair rule whose expressions cannot be evaluated. */
    public static final String META_RULE_BROKEN = "META-RULE-BROKEN";

    private final FactStore facts;
    private final PairRules rules;
    private final PairStore pairs;
    private final RuleExpressions expressions;
    private final DiscrepancyBook discrepancies;
    private final Clock clock;

    public RealTimeChecks(FactStore facts, PairRules rules, PairStore pairs, RuleExpressions expressions,
                          DiscrepancyBook discrepancies, Clock clock) {
        this.facts = facts;
        this.rules = rules;
        this.pairs = pairs;
        this.expressions = expressions;
        this.discrepancies = discrepancies;
        this.clock = clock;
    }

    /** @return false when the fact was stored already (a duplicate: nothing happens) */
    @Transactional
    public boolean record(Fact fact) {
        OptionalLong id = facts.insert(fact);
        if (id.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        for (PairRule rule : rules.inForce()) {
            try {
                apply(rule, fact, id.getAsLong(), now);
            } catch (RuleEvaluationException e) {
                // a broken rule must neither block the events nor go unnoticed: one meta-discrepancy, the rest go on
                discrepancies.metaFailed(META_RULE_BROKEN, rule.ruleId(), rule.ownerTeam(), "rule " + rule.ruleId()
                        + " v" + rule.version() + " cannot be evaluated on " + fact.eventType() + " "
                        + fact.businessKey() + ": " + e.getMessage(), now);
            }
        }
        return true;
    }

    private void apply(PairRule rule, Fact fact, long factId, Instant now) {
        if (rule.leftEvent().equals(fact.eventType())) {
            String key = expressions.key(rule.leftKey(), Map.of("left", fact.payload()));
            if (key != null) {
                settle(rule, pairs.lock(Pair.first(rule.ruleId(), key, now, rule.window())).withLeft(factId), now);
            }
        }
        if (rule.isRight(fact.eventType())) {
            String key = expressions.key(rule.rightKey(), Map.of("right", fact.payload()));
            if (key != null) {
                settle(rule, pairs.lock(Pair.first(rule.ruleId(), key, now, rule.window())).withRight(factId), now);
            }
        }
    }

    private void settle(PairRule rule, Pair pair, Instant now) {
        if (!pair.complete()) {
            pairs.save(pair, now);
            return;
        }
        Fact left = facts.byId(pair.leftFactId()).orElseThrow();
        Fact right = facts.byId(pair.rightFactId()).orElseThrow();
        boolean holds = expressions.holds(rule.match(), Map.of("left", left.payload(), "right", right.payload()));
        pairs.save(pair.decided(holds ? PairState.MATCHED : PairState.MISMATCHED), now);
        DiscrepancyStore.Context context = context(rule, left, right);
        String period = period(left, right);
        if (holds) {
            discrepancies.passed(rule, pair.pairKey(), period, context, now);
        } else {
            discrepancies.failed(rule, pair.pairKey(), period, left.eventType() + " " + left.businessKey()
                    + " and " + right.eventType() + " " + right.businessKey() + " disagree: " + rule.description(),
                    context, now);
        }
    }

    /** The UTC day of the earlier fact: a pair belongs to one period whatever the order of its sides. */
    static String period(Fact... sides) {
        return Stream.of(sides).map(Fact::occurredAt).min(Instant::compareTo).orElseThrow()
                .atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    static DiscrepancyStore.Context context(PairRule rule, Fact... sides) {
        return new DiscrepancyStore.Context(rule.severity(), rule.ownerTeam(),
                Stream.of(sides).map(Fact::traceId).filter(t -> t != null).distinct().collect(Collectors.joining(",")),
                Stream.of(sides).map(f -> f.eventType() + ":" + f.businessKey()).collect(Collectors.joining(",")));
    }
}
