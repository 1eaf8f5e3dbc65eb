package io.creditsuite.approval.infrastructure.check;

import com.googlecode.aviator.AviatorEvaluator;
import com.googlecode.aviator.AviatorEvaluatorInstance;
import com.googlecode.aviator.EvalMode;
import com.googlecode.aviator.Expression;
import com.googlecode.aviator.Options;
import io.creditsuite.approval.domain.check.ExpressionEngine;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Rule and bin predicates on Aviator in sandbox mode: no class access, no new instances, no static calls, no
 * modules, bounded loops, so an expression edited at runtime can read the facts and nothing else. Every number is
 * an exact BigDecimal (literals and facts; money facts are minor units), never a double. {@link #interpreted()} is the same engine
 * without compilation to bytecode, the benchmark's baseline.
 */
public final class AviatorExpressionEngine implements ExpressionEngine {
    private static final int MAX_LOOP_COUNT = 1_000;

    private final AviatorEvaluatorInstance aviator;

    private AviatorExpressionEngine(AviatorEvaluatorInstance aviator) {
        this.aviator = aviator;
    }

    /** Expressions compiled to bytecode once; each evaluation runs the compiled class. */
    public static AviatorExpressionEngine compiled() {
        return new AviatorExpressionEngine(sandboxed(EvalMode.ASM));
    }

    /** The interpreter, walking the expression each time. */
    public static AviatorExpressionEngine interpreted() {
        return new AviatorExpressionEngine(sandboxed(EvalMode.INTERPRETER));
    }

    private static AviatorEvaluatorInstance sandboxed(EvalMode mode) {
        AviatorEvaluatorInstance instance = AviatorEvaluator.newInstance(mode);
        instance.enableSandboxMode();
        instance.setOption(Options.MAX_LOOP_COUNT, MAX_LOOP_COUNT);
        // every number is a BigDecimal: Aviator turns a long into a decimal through a double, which is inexact above
        // 2^53 (20000000000000001 * 0.5 gave 10000000000000000.0), so integral literals and facts are decimals too
        instance.setOption(Options.ALWAYS_PARSE_FLOATING_POINT_NUMBER_INTO_DECIMAL, true);
        instance.setOption(Options.ALWAYS_PARSE_INTEGRAL_NUMBER_INTO_DECIMAL, true);
        return instance;
    }

    @Override
    public Predicate compile(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("the expression is empty");
        }
        Expression compiled;
        try {
            compiled = aviator.compile(expression, false);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("does not compile: " + e.getMessage(), e);
        }
        return facts -> isTrue(compiled.execute(withoutNulls(facts)), expression);
    }

    /**
     * A fresh map per evaluation (Aviator may write to its environment): integral facts as exact decimals, an absent
     * fact left out so that it reads as nil.
     */
    private static Map<String, Object> withoutNulls(Map<String, Object> facts) {
        Map<String, Object> present = new HashMap<>();
        facts.forEach((k, v) -> {
            if (v instanceof Long || v instanceof Integer) {
                present.put(k, BigDecimal.valueOf(((Number) v).longValue()));
            } else if (v != null) {
                present.put(k, v);
            }
        });
        return present;
    }

    private static boolean isTrue(Object result, String expression) {
        if (result instanceof Boolean b) {
            return b;
        }
        throw new IllegalStateException("the predicate '" + expression + "' gave " + result + ", not true or false");
    }
}
