package io.creditsuite.approval.domain.check;

import java.util.Map;

/**
 * Runs the predicates of risk rules and scorecard bins over an application's facts (a sandboxed expression engine in
 * infrastructure). Money facts are long minor units; decimal literals are exact decimals, never doubles.
 */
public interface ExpressionEngine {
    /** A compiled predicate, reusable by any number of threads. */
    interface Predicate {
        boolean test(Map<String, Object> facts);
    }

    /** @throws IllegalArgumentException when the expression does not compile in the sandbox (the message says why) */
    Predicate compile(String expression);
}
