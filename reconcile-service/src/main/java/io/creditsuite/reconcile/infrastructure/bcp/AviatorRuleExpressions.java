package io.creditsuite.reconcile.infrastructure.bcp;

import com.googlecode.aviator.AviatorEvaluator;
import com.googlecode.aviator.AviatorEvaluatorInstance;
import com.googlecode.aviator.EvalMode;
import com.googlecode.aviator.Expression;
import com.googlecode.aviator.Options;
import io.creditsuite.reconcile.domain.check.RuleEvaluationException;
import io.creditsuite.reconcile.domain.check.RuleExpressions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BCP rule expressions on Aviator in sandbox mode (no class access, no new instances, no static calls, bounded
 * loops), compiled once per text: a rule edited at runtime reads the events and nothing else. Event numbers are long
 * minor units, compared exactly; expressions hold no decimal literals.
 */
public final class AviatorRuleExpressions implements RuleExpressions {
    private final AviatorEvaluatorInstance aviator;
    private final Map<String, Expression> compiled = new ConcurrentHashMap<>();

    public AviatorRuleExpressions() {
        aviator = AviatorEvaluator.newInstance(EvalMode.ASM);
        aviator.enableSandboxMode();
        aviator.setOption(Options.MAX_LOOP_COUNT, 1_000);
    }

    @Override
    public String key(String expression, Map<String, Object> variables) {
        Object value = evaluate(expression, variables);
        return value == null ? null : value.toString();
    }

    @Override
    public void check(String expression) {
        Expression compiled;
        try {
            compiled = compile(expression);
        } catch (IllegalArgumentException e) {
            throw new RuleEvaluationException("'" + expression + "' " + e.getMessage(), e);
        }
        // a call of a name that is no function (Class.forName, Runtime.getRuntime) compiles and fails only when
        // evaluated: refused here, so that no rule is published that can never be evaluated
        for (String function : compiled.getFunctionNames()) {
            if (!aviator.containsFunction(function)) {
                throw new RuleEvaluationException("'" + expression + "' calls " + function + ", which is no function"
                        + " of the sandbox", null);
            }
        }
    }

    @Override
    public boolean holds(String expression, Map<String, Object> variables) {
        Object value = evaluate(expression, variables);
        if (value instanceof Boolean b) {
            return b;
        }
        throw new RuleEvaluationException("the match '" + expression + "' gave " + value + ", not true or false",
                null);
    }

    private Object evaluate(String expression, Map<String, Object> variables) {
        try {
            return compile(expression).execute(new HashMap<>(variables));
        } catch (RuntimeException e) {
            throw new RuleEvaluationException("'" + expression + "' cannot be evaluated: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException when the expression does not compile in the sandbox */
    public Expression compile(String expression) {
        return compiled.computeIfAbsent(expression, text -> {
            try {
                return aviator.compile(text, false);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("does not compile: " + e.getMessage(), e);
            }
        });
    }
}
