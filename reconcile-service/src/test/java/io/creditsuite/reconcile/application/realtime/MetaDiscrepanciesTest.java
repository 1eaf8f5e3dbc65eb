package io.creditsuite.reconcile.application.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.reconcile.domain.check.PairRule;
import io.creditsuite.reconcile.domain.check.PairState;
import io.creditsuite.reconcile.domain.check.RuleEvaluationException;
import io.creditsuite.reconcile.domain.check.RuleExpressions;
import io.creditsuite.reconcile.domain.fact.Fact;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A broken rule and a flood each open one meta-discrepancy instead of blocking the events or flooding people. */
class MetaDiscrepanciesTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final PairRule RULE = new PairRule("R-X", 1, "A", "B", "left.id", "right.id", "true",
            Duration.ofSeconds(60), "critical", "lending", "A pairs with B");
    private static final PairRule BROKEN = new PairRule("R-BROKEN", 2, "A", "B", "left.nope(", "right.id", "true",
            Duration.ofSeconds(60), "warning", "ledger", "broken");

    private final InMemoryBcp bcp = new InMemoryBcp();
    private final DiscrepancyBook book = new DiscrepancyBook(bcp.discrepancyStore);

    /** Keys are the payload's id; "left.nope(" stands for an expression that cannot be evaluated. */
    private final RuleExpressions expressions = new RuleExpressions() {
        @Override
        public String key(String expression, Map<String, Object> variables) {
            if (expression.contains("(")) {
                throw new RuleEvaluationException("'" + expression + "' does not compile", null);
            }
            Map<?, ?> side = (Map<?, ?>) variables.values().iterator().next();
            return (String) side.get("id");
        }

        @Override
        public void check(String expression) {
        }

        @Override
        public boolean holds(String expression, Map<String, Object> variables) {
            return true;
        }
    };

    private RealTimeChecks checks(List<PairRule> rules) {
        return new RealTimeChecks(bcp.factStore, () -> rules, bcp.pairStore, expressions, book,
                Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static Fact a(String id) {
        return new Fact("A", id, "CU-1", T0, null, InMemoryBcp.payload("id", id));
    }

    @Test
    void a_broken_rule_opens_one_meta_discrepancy_and_the_other_rules_still_check_the_event() {
        RealTimeChecks checks = checks(List.of(BROKEN, RULE));
        checks.record(a("k1"));
        checks.record(a("k2"));
        assertThat(bcp.discrepancyKeys()).containsExactly("META-RULE-BROKEN/R-BROKEN/2026-12-03");
        assertThat(bcp.discrepancies.get("META-RULE-BROKEN/R-BROKEN/2026-12-03").occurrences()).isEqualTo(2);
        assertThat(bcp.pairs).containsKeys("R-X|k1", "R-X|k2");
    }

    @Test
    void a_sweep_above_the_flood_cap_opens_one_meta_discrepancy_instead_of_one_per_pair() {
        RealTimeChecks checks = checks(List.of(RULE));
        for (int i = 0; i < 4; i++) {
            checks.record(a("k" + i));
        }
        OverduePairs capped = new OverduePairs(bcp.pairStore, () -> List.of(RULE), bcp.factStore,
                (missing, key, present) -> Counterparts.Answer.ABSENT, book, 3, 3);
        assertThat(capped.sweep(T0.plusSeconds(61), 100)).isEqualTo(4);
        assertThat(bcp.discrepancyKeys()).containsExactly("META-CAP/R-X/2026-12-03");
        assertThat(bcp.discrepancies.get("META-CAP/R-X/2026-12-03").detail()).contains("4 pairs of R-X", "cap 3");
        assertThat(bcp.pairs.values()).allMatch(p -> p.state() == PairState.MISSING);
    }

    @Test
    void at_or_below_the_cap_each_missing_pair_is_its_own_discrepancy() {
        RealTimeChecks checks = checks(List.of(RULE));
        for (int i = 0; i < 3; i++) {
            checks.record(a("k" + i));
        }
        OverduePairs overdue = new OverduePairs(bcp.pairStore, () -> List.of(RULE), bcp.factStore,
                (missing, key, present) -> Counterparts.Answer.ABSENT, book, 3, 3);
        overdue.sweep(T0.plusSeconds(61), 100);
        assertThat(bcp.discrepancyKeys()).containsExactlyInAnyOrder("R-X/k0/2026-12-03", "R-X/k1/2026-12-03",
                "R-X/k2/2026-12-03");
    }
}
