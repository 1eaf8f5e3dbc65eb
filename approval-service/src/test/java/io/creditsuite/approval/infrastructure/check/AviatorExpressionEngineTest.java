package io.creditsuite.approval.infrastructure.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditsuite.approval.domain.check.ExpressionEngine;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AviatorExpressionEngineTest {
    /** A path nothing else uses: the test deletes it first, so a leftover file cannot fail it. */
    private static final String SANDBOX_PROBE = "/tmp/creditsuite-aviator-sandbox-probe";

    private final ExpressionEngine engine = AviatorExpressionEngine.compiled();

    private static Map<String, Object> facts(Long age, long requestedMinor, long revenueMinor) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("age", age);
        facts.put("requestedMinor", requestedMinor);
        facts.put("declaredAnnualRevenueMinor", revenueMinor);
        facts.put("industry", "RETAIL");
        return facts;
    }

    @Test
    void money_is_compared_exactly_in_minor_units_and_decimal_literals_are_not_doubles() {
        ExpressionEngine.Predicate overHalf = engine.compile("requestedMinor > declaredAnnualRevenueMinor * 0.5");
        // above 2^53 a double cannot tell 10^16 + 1 from 10^16: only exact arithmetic gets these right
        assertThat(overHalf.test(facts(30L, 10_000_000_000_000_001L, 20_000_000_000_000_001L))).isTrue();
        assertThat(overHalf.test(facts(30L, 10_000_000_000_000_000L, 20_000_000_000_000_001L))).isFalse();
        assertThat(overHalf.test(facts(30L, 10_000_000_000_000_000L, 20_000_000_000_000_000L))).isFalse();
        assertThat(engine.compile("requestedMinor == 10000000000000001").test(facts(30L, 10_000_000_000_000_001L, 0)))
                .isTrue();
        assertThat(engine.compile("requestedMinor == 10000000000000000").test(facts(30L, 10_000_000_000_000_001L, 0)))
                .isFalse();
    }

    @Test
    void an_absent_fact_reads_as_nil_so_a_rule_can_guard_it() {
        ExpressionEngine.Predicate minor = engine.compile("age != nil && age < 18");
        assertThat(minor.test(facts(null, 1, 1))).isFalse();
        assertThat(minor.test(facts(17L, 1, 1))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"System.exit(1) == nil", "new java.io.File('" + SANDBOX_PROBE + "').createNewFile()",
            "Class.forName('java.lang.Runtime') != nil", "", "age <"})
    void the_sandbox_refuses_what_is_not_a_predicate_over_the_facts(String expression) throws Exception {
        java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(SANDBOX_PROBE));
        assertThatThrownBy(() -> {
            ExpressionEngine.Predicate p = engine.compile(expression);
            p.test(facts(30L, 1, 1));
        }).isInstanceOfAny(IllegalArgumentException.class, RuntimeException.class);
        // the probe file would exist if the sandbox had let the expression create it
        assertThat(new java.io.File(SANDBOX_PROBE)).doesNotExist();
    }

    @Test
    void a_predicate_that_does_not_give_true_or_false_is_an_error_not_a_pass() {
        ExpressionEngine.Predicate number = engine.compile("requestedMinor + 1");
        assertThatThrownBy(() -> number.test(facts(30L, 1, 1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void compiled_and_interpreted_give_the_same_answers() {
        ExpressionEngine interpreted = AviatorExpressionEngine.interpreted();
        String expression = "age != nil && age >= 25 && requestedMinor * 3 <= declaredAnnualRevenueMinor";
        for (long age = 17; age < 40; age += 3) {
            Map<String, Object> f = facts(age, 1_000_00L * age, 3_000_00L * 30);
            assertThat(engine.compile(expression).test(f)).isEqualTo(interpreted.compile(expression).test(f));
        }
    }
}
