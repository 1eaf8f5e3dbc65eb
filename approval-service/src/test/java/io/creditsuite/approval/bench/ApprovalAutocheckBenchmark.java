package io.creditsuite.approval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.approval.domain.check.CheckReport;
import io.creditsuite.approval.domain.check.CheckRun;
import io.creditsuite.approval.domain.check.CheckSubject;
import io.creditsuite.approval.domain.check.ExpressionEngine;
import io.creditsuite.approval.domain.check.RiskRule;
import io.creditsuite.approval.domain.check.RuleSet;
import io.creditsuite.approval.domain.check.Scorecard;
import io.creditsuite.approval.infrastructure.check.AviatorExpressionEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The automatic checks of one application with 200 risk rules and a 20-characteristic scorecard (5 bins each), in
 * process, one thread: as intake runs them (each version's expressions compiled to bytecode once, then reused)
 * against the baseline of the same checks interpreted without a compilation cache (every application parses and
 * interprets every expression again). Rounds alternate, so machine noise hits both. Not part of verify:
 * <pre>
 * ./mvnw -o -B -ntp -pl approval-service test -Dtest=ApprovalAutocheckBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Settings: {@code bench.rounds} (3), {@code bench.applications} (2000 per round and path). It fails when the two
 * paths ever disagree on a report (route, score, findings).
 */
class ApprovalAutocheckBenchmark {
    private static final int RULES = 200;
    private static final int CHARACTERISTICS = 20;
    private final int rounds = Integer.getInteger("bench.rounds", 3);
    private final int perRound = Integer.getInteger("bench.applications", 2000);

    @Test
    void checks_compiled_once_against_interpreted_every_time() {
        RuleSet rules = rules();
        Scorecard card = scorecard();
        List<CheckSubject> subjects = subjects(perRound);
        ExpressionEngine compiledEngine = AviatorExpressionEngine.compiled();
        ExpressionEngine interpretedEngine = AviatorExpressionEngine.interpreted();
        CheckRun.CompiledRules cachedRules = CheckRun.compile(rules, compiledEngine);
        CheckRun.CompiledScorecard cachedCard = CheckRun.compile(card, compiledEngine);
        Function<CheckSubject, CheckReport> ours = s -> CheckRun.run(s, List.of(), cachedRules, cachedCard);
        Function<CheckSubject, CheckReport> baseline = s -> CheckRun.run(s, List.of(),
                CheckRun.compile(rules, interpretedEngine), CheckRun.compile(card, interpretedEngine));

        for (CheckSubject s : subjects.subList(0, 200)) {
            assertThat(ours.apply(s)).as("the two paths agree on %s", s.applicationId()).isEqualTo(baseline.apply(s));
        }
        List<long[]> oursRounds = new ArrayList<>();
        List<long[]> baseRounds = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long[] b = measure(baseline, subjects);
            long[] o = measure(ours, subjects);
            baseRounds.add(b);
            oursRounds.add(o);
            System.out.printf(Locale.ROOT, "round %d: interpreted %8.0f/s p99 %7.3f ms | compiled once %8.0f/s p99"
                    + " %7.3f ms%n", round, perSecond(b), p99Ms(b), perSecond(o), p99Ms(o));
        }
        for (CheckSubject s : subjects) {
            assertThat(ours.apply(s)).isEqualTo(baseline.apply(s));
        }
        long[] o = concat(oursRounds);
        long[] b = concat(baseRounds);
        System.out.printf(Locale.ROOT, "%d rules, %d characteristics, %d applications per round and path, %d rounds;"
                        + " interpreted %.0f/s (p50 %.3f ms, p99 %.3f ms), compiled once %.0f/s (p50 %.3f ms, p99 %.3f"
                        + " ms)%n", RULES, CHARACTERISTICS, perRound, rounds, perSecond(b), percentileMs(b, 0.5),
                p99Ms(b), perSecond(o), percentileMs(o, 0.5), p99Ms(o));
        System.out.printf(Locale.ROOT, "BENCH approval-autocheck per_s=%.0f p99_ms=%.3f ratio=%.1f%n", perSecond(o),
                p99Ms(o), perSecond(o) / perSecond(b));
    }

    /** Each application's latency in nanoseconds; the last element is the round's total. */
    private static long[] measure(Function<CheckSubject, CheckReport> checks, List<CheckSubject> subjects) {
        long[] nanos = new long[subjects.size() + 1];
        long start = System.nanoTime();
        for (int i = 0; i < subjects.size(); i++) {
            long t = System.nanoTime();
            checks.apply(subjects.get(i));
            nanos[i] = System.nanoTime() - t;
        }
        nanos[subjects.size()] = System.nanoTime() - start;
        return nanos;
    }

    private static long[] concat(List<long[]> rounds) {
        long total = 0;
        List<Long> all = new ArrayList<>();
        for (long[] r : rounds) {
            for (int i = 0; i < r.length - 1; i++) {
                all.add(r[i]);
            }
            total += r[r.length - 1];
        }
        long[] out = new long[all.size() + 1];
        for (int i = 0; i < all.size(); i++) {
            out[i] = all.get(i);
        }
        out[all.size()] = total;
        return out;
    }

    private static double perSecond(long[] r) {
        return (r.length - 1) / (r[r.length - 1] / 1e9);
    }

    private static double p99Ms(long[] r) {
        return percentileMs(r, 0.99);
    }

    private static double percentileMs(long[] r, double p) {
        long[] sorted = Arrays.copyOf(r, r.length - 1);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static RuleSet rules() {
        List<RiskRule> rules = new ArrayList<>();
        for (int i = 0; i < RULES; i++) {
            String expression = switch (i % 5) {
                case 0 -> "age != nil && age > " + (60 + i % 30);
                case 1 -> "requestedMinor * " + (2 + i % 7) + " > declaredAnnualRevenueMinor";
                case 2 -> "industry == 'IND" + i + "'";
                case 3 -> "existingExposureMinor + requestedMinor > " + (100_000_000L + i * 1_000_000L);
                default -> "termMonths > " + (24 + i % 36) + " && productLine == 'DEALER'";
            };
            rules.add(new RiskRule("R" + i, "rule " + i, expression, i % 50 == 7 ? RiskRule.RuleOutcome.REJECT
                    : RiskRule.RuleOutcome.REVIEW));
        }
        return new RuleSet("BENCH-R", rules);
    }

    private static Scorecard scorecard() {
        List<Scorecard.Characteristic> characteristics = new ArrayList<>();
        for (int c = 0; c < CHARACTERISTICS; c++) {
            long step = 1_000_000L * (c + 1);
            characteristics.add(new Scorecard.Characteristic("C" + c, List.of(
                    new Scorecard.Bin("low", "declaredAnnualRevenueMinor < " + step, -10),
                    new Scorecard.Bin("mid", "declaredAnnualRevenueMinor < " + step * 10, 5),
                    new Scorecard.Bin("young", "age != nil && age < " + (25 + c), 0),
                    new Scorecard.Bin("short", "termMonths <= " + (6 + c), 10),
                    new Scorecard.Bin("other", "true", 3))));
        }
        return new Scorecard("BENCH-S", 500, 450, 700, characteristics);
    }

    private static List<CheckSubject> subjects(int n) {
        Random random = new Random(20261203L);
        List<CheckSubject> subjects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean person = random.nextInt(4) != 0;
            subjects.add(new CheckSubject("AP-B" + i, "Applicant " + i, person ? "ID_CARD" : "USCC", "X" + i,
                    null, person ? 18 + random.nextInt(60) : null, "IND" + random.nextInt(400),
                    random.nextInt(500_000_000), "/CN/EAST", random.nextBoolean() ? "DEALER" : "CONSUMER", "CNY",
                    1 + random.nextInt(100_000_000), 1 + random.nextInt(60), random.nextInt(300_000_000)));
        }
        return subjects;
    }
}
