package io.creditsuite.devstack;

import io.creditsuite.devstack.BankCalls.Sent;
import java.time.Duration;
import java.util.Set;

/**
 * One send of the overload run: in which phase, whether it was the request's first send (a replay with the same key
 * is not), what came back and how long it took. Admitted: flow control and the breakers let it through (any answer
 * but 429 and 503); a polite refusal: 429 or 503 as {@code application/problem+json} with a code.
 *
 * @param status -1 when no answer came (connection refused, timed out)
 */
record OverloadSample(String phase, boolean first, int status, String code, String contentType, Duration took) {
    private static final Set<Integer> REFUSALS = Set.of(429, 503);

    static OverloadSample of(String phase, boolean first, Sent sent) {
        return new OverloadSample(phase, first, sent.attempt().status(), sent.attempt().code().orElse(""),
                sent.contentType(), sent.took());
    }

    boolean refused() {
        return REFUSALS.contains(status);
    }

    boolean admitted() {
        return status > 0 && !refused();
    }

    boolean politeRefusal() {
        return refused() && contentType.startsWith("application/problem+json") && !code.isEmpty();
    }

    /** No answer, or a 5xx that is not a refusal: what an overloaded suite must never give. */
    boolean failure() {
        return status <= 0 || (status >= 500 && !refused());
    }
}
