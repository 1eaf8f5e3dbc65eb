package io.creditsuite.reconcile.domain.check;

/** A rule's expression cannot be evaluated on an event (it does not compile, or answers the wrong type). */
public class RuleEvaluationException extends RuntimeException {
    public RuleEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
