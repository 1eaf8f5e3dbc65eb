package io.creditsuite.reconcile.domain.check;

import java.util.Map;

/**
 * Evaluates a rule's expressions over events (a sandboxed expression engine in infrastructure): no class access, no
 * I/O, bounded loops; money is long minor units, never a double.
 */
public interface RuleExpressions {
    /** A pair key: the expression's text value, or null when it answers nil (the event is not the rule's). */
    String key(String expression, Map<String, Object> variables);

    /** A match predicate; an answer other than true or false is an error. */
    boolean holds(String expression, Map<String, Object> variables);
}
