package io.creditsuite.reconcile.domain.check;

import java.util.Map;

/**
 * Evaluates a rule's expressions over events (a sandboxed expression engine in infrastructure): no class access, no
 * I/O, bounded loops; money is long minor units, never a double.
 */
public interface RuleExpressions {
    /**
     * A pair key: the expression's text value, or null when it answers nil (the event is not the rule's).
     *
     * @throws RuleEvaluationException when the expression cannot be evaluated
     */
    String key(String expression, Map<String, Object> variables);

    /** @throws RuleEvaluationException when the expression does not compile in the sandbox (the message says why) */
    void check(String expression);

    /**
     * A match predicate.
     *
     * @throws RuleEvaluationException when it cannot be evaluated or answers other than true or false
     */
    boolean holds(String expression, Map<String, Object> variables);
}
