package io.creditsuite.reconcile.application.realtime;

import io.creditsuite.reconcile.domain.check.Pair;
import io.creditsuite.reconcile.domain.check.PairRule;
import io.creditsuite.reconcile.domain.check.PairState;
import io.creditsuite.reconcile.domain.fact.Fact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pairs still missing a side after their window. Before anything is raised, the missing side's source of truth is
 * asked for its current state ({@link Counterparts}): present means the event is late, so the pair waits one more
 * window (at most {@code maxExtensions} times, then it is raised: an event that never comes is a broken pipe too);
 * pending (the fact may still legitimately come, e.g. an open hold before its expiry) looks again a window later
 * without counting an extension; absent, or no way to ask, raises MISSING; unreachable leaves the pair for the next sweep. A sweep that would open more
 * than {@code floodCap} discrepancies of one rule opens one {@value #META_CAP} meta-discrepancy for it instead (a
 * broken pipe must not flood anyone). The caller gives {@code now}, so a test controls the clock.
 */
public class OverduePairs {
    /** The meta-rule of a sweep that would open more discrepancies of one rule than the flood cap. */
    public static final String META_CAP = "META-CAP";

    private final PairStore pairs;
    private final PairRules rules;
    private final FactStore facts;
    private final Counterparts counterparts;
    private final DiscrepancyBook discrepancies;
    private final int maxExtensions;
    private final int floodCap;

    public OverduePairs(PairStore pairs, PairRules rules, FactStore facts, Counterparts counterparts,
                        DiscrepancyBook discrepancies, int maxExtensions, int floodCap) {
        this.floodCap = floodCap;
        this.pairs = pairs;
        this.rules = rules;
        this.facts = facts;
        this.counterparts = counterparts;
        this.discrepancies = discrepancies;
        this.maxExtensions = maxExtensions;
    }

    /** @return how many pairs were decided MISSING in this pass */
    @Transactional
    public int sweep(java.time.Instant now, int limit) {
        Map<String, PairRule> byId = rules.inForce().stream().collect(Collectors.toMap(PairRule::ruleId,
                Function.identity()));
        Map<PairRule, List<Missing>> missingByRule = new LinkedHashMap<>();
        for (Pair pair : pairs.overdue(now, limit)) {
            PairRule rule = byId.get(pair.ruleId());
            if (rule == null) {
                continue; // the rule was disabled meanwhile: nothing to raise
            }
            boolean leftCame = pair.leftFactId() != null;
            Fact present = facts.byId(leftCame ? pair.leftFactId() : pair.rightFactId()).orElseThrow();
            List<String> missing = leftCame ? rule.rightEvents() : List.of(rule.leftEvent());
            Counterparts.Answer answer = counterparts.confirm(missing, pair.pairKey(), present.payload());
            if (answer == Counterparts.Answer.UNREACHABLE) {
                continue;
            }
            if (answer == Counterparts.Answer.PENDING) {
                pairs.save(pair.postponed(now.plus(rule.window())), now);
                continue;
            }
            if (answer == Counterparts.Answer.PRESENT && pair.extensions() < maxExtensions) {
                pairs.save(pair.extended(rule.window()), now);
                continue;
            }
            pairs.save(pair.decided(PairState.MISSING), now);
            missingByRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(new Missing(pair, present, missing,
                    answer));
        }
        missingByRule.forEach((rule, missing) -> raise(rule, missing, now));
        return missingByRule.values().stream().mapToInt(List::size).sum();
    }

    private record Missing(Pair pair, Fact present, List<String> missingEvents, Counterparts.Answer answer) {
    }

    /** One discrepancy per pair, or, above the flood cap, one meta-discrepancy for the rule instead. */
    private void raise(PairRule rule, List<Missing> missing, java.time.Instant now) {
        if (missing.size() > floodCap) {
            discrepancies.metaFailed(META_CAP, rule.ruleId(), rule.ownerTeam(), missing.size() + " pairs of "
                    + rule.ruleId() + " missed a side in one sweep (cap " + floodCap + "), e.g. "
                    + missing.stream().limit(5).map(m -> m.pair().pairKey()).toList()
                    + ": a broken pipe or a broken rule, not " + missing.size() + " separate problems", now);
            return;
        }
        for (Missing m : missing) {
            discrepancies.failed(rule, m.pair().pairKey(), RealTimeChecks.period(m.present()), "no " + String.join(" or ", m.missingEvents())
                    + " for " + m.present().eventType() + " " + m.present().businessKey() + " within "
                    + rule.window().toSeconds() + " s (source of truth: " + m.answer() + "): " + rule.description(),
                    RealTimeChecks.context(rule, m.present()), now);
        }
    }
}
