package io.creditsuite.reconcile.domain.check;

import java.time.Duration;
import java.time.Instant;

/**
 * The two sides of one rule and key as seen so far.
 * <pre>
 *   WAITING    &lt;=&gt; exactly one side seen (and it is not yet decided missing)
 *   complete() &lt;=&gt; both sides seen; then the state is MATCHED or MISMATCHED
 * </pre>
 *
 * @param dueAt      when the missing side is overdue: first side's arrival + window (+ a window per extension)
 * @param extensions how often the source of truth had the missing side although its event had not come
 */
public record Pair(String ruleId, String pairKey, Long leftFactId, Long rightFactId, Instant dueAt, PairState state,
                   int extensions) {

    public static Pair first(String ruleId, String pairKey, Instant seenAt, Duration window) {
        return new Pair(ruleId, pairKey, null, null, seenAt.plus(window), PairState.WAITING, 0);
    }

    public boolean complete() {
        return leftFactId != null && rightFactId != null;
    }

    public Pair withLeft(long factId) {
        return new Pair(ruleId, pairKey, factId, rightFactId, dueAt, state, extensions);
    }

    public Pair withRight(long factId) {
        return new Pair(ruleId, pairKey, leftFactId, factId, dueAt, state, extensions);
    }

    public Pair decided(PairState decision) {
        return new Pair(ruleId, pairKey, leftFactId, rightFactId, dueAt, decision, extensions);
    }

    /**
     * The source of truth legitimately has not produced the missing side yet (an open hold before its expiry): look
     * again at {@code next}; not an extension, since nothing is late.
     */
    public Pair postponed(Instant next) {
        return new Pair(ruleId, pairKey, leftFactId, rightFactId, next, PairState.WAITING, extensions);
    }

    /** The source of truth has the missing side: its event is late, not lost; wait one more window. */
    public Pair extended(Duration window) {
        return new Pair(ruleId, pairKey, leftFactId, rightFactId, dueAt.plus(window), PairState.WAITING,
                extensions + 1);
    }
}
