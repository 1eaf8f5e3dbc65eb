package io.creditsuite.reconcile.application.realtime;

import io.creditsuite.reconcile.domain.check.Pair;
import io.creditsuite.reconcile.domain.check.PairRule;
import io.creditsuite.reconcile.domain.check.PairState;
import io.creditsuite.reconcile.domain.fact.Fact;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pairs still missing a side after their window. Before anything is raised, the missing side's source of truth is
 * asked for its current state ({@link Counterparts}): present means the event is late, so the pair waits one more
 * window (at most {@code maxExtensions} times, then it is raised: an event that never comes is a broken pipe too);
 * absent, or no way to ask, raises MISSING; unreachable leaves the pair for the next sweep. The caller gives
 * {@code now}, so a test controls the clock.
 */
public class OverduePairs {
    private final PairStore pairs;
    private final PairRules rules;
    private final FactStore facts;
    private final Counterparts counterparts;
    private final DiscrepancyBook discrepancies;
    private final int maxExtensions;

    public OverduePairs(PairStore pairs, PairRules rules, FactStore facts, Counterparts counterparts,
                        DiscrepancyBook discrepancies, int maxExtensions) {
        this.pairs = pairs;
        this.rules = rules;
        this.facts = facts;
        this.counterparts = counterparts;
        this.discrepancies = discrepancies;
        this.maxExtensions = maxExtensions;
    }

    /** @return how many pairs were raised as MISSING in this pass */
    @Transactional
    public int sweep(java.time.Instant now, int limit) {
        Map<String, PairRule> byId = rules.inForce().stream().collect(Collectors.toMap(PairRule::ruleId,
                Function.identity()));
        int raised = 0;
        for (Pair pair : pairs.overdue(now, limit)) {
            PairRule rule = byId.get(pair.ruleId());
            if (rule == null) {
                continue; // the rule was disabled meanwhile: nothing to raise
            }
            boolean leftCame = pair.leftFactId() != null;
            Fact present = facts.byId(leftCame ? pair.leftFactId() : pair.rightFactId()).orElseThrow();
            String missing = leftCame ? rule.rightEvent() : rule.leftEvent();
            Counterparts.Answer answer = counterparts.confirm(missing, pair.pairKey(), present.payload());
            if (answer == Counterparts.Answer.UNREACHABLE) {
                continue;
            }
            if (answer == Counterparts.Answer.PRESENT && pair.extensions() < maxExtensions) {
                pairs.save(pair.extended(rule.window()), now);
                continue;
            }
            pairs.save(pair.decided(PairState.MISSING), now);
            discrepancies.failed(rule, pair.pairKey(), RealTimeChecks.period(present), "no " + missing + " for "
                    + present.eventType() + " " + present.businessKey() + " within " + rule.window().toSeconds()
                    + " s (source of truth: " + answer + "): " + rule.description(),
                    RealTimeChecks.context(rule, present), now);
            raised++;
        }
        return raised;
    }
}
