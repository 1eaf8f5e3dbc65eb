package io.creditsuite.reconcile.domain.check;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A balance equation between services (Formance Reconciliation's typed rule), in exact integers:
 * <pre>
 *   holds  &lt;=&gt;  | &Sigma;<sub>i</sub> coefficient<sub>i</sub> &times; balance<sub>i</sub> |  &lt;=  tolerance
 * </pre>
 * e.g. credit used = loan principal outstanding is {@code +1 x creditInTransitAndInUse, -1 x principalOutstanding,
 * tolerance 0}. Balances are long minor units of one currency; an overflow of the sum is an error, never a wrap.
 *
 * @param terms     the named balances' coefficients, e.g. {"creditUsed": 1, "principalOutstanding": -1}
 * @param tolerance the largest drift accepted, minor units, &gt;= 0
 */
public record BalanceEquation(Map<String, Long> terms, long tolerance) {
    public BalanceEquation {
        terms = Map.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a balance equation needs at least one term");
        }
        if (tolerance < 0) {
            throw new IllegalArgumentException("tolerance must be >= 0, not " + tolerance);
        }
    }

    /** The equation evaluated on measured balances: the drift and whether it is within the tolerance. */
    public record Evaluation(long drift, boolean holds, List<String> missing) {
    }

    /**
     * @param balances every term's balance; a term without one is reported in {@code missing} and the equation does
     *                 not hold (a source that did not answer is not a zero balance)
     */
    public Evaluation evaluate(Map<String, Long> balances) {
        long sum = 0;
        List<String> missing = terms.keySet().stream().filter(t -> balances.get(t) == null).sorted().toList();
        if (!missing.isEmpty()) {
            return new Evaluation(0, false, missing);
        }
        for (Map.Entry<String, Long> term : terms.entrySet()) {
            sum = Math.addExact(sum, Math.multiplyExact(term.getValue(), Objects.requireNonNull(balances.get(
                    term.getKey()))));
        }
        return new Evaluation(sum, Math.abs(sum) <= tolerance && sum != Long.MIN_VALUE, List.of());
    }
}
