package io.creditsuite.reconcile.application.realtime;

import io.creditsuite.reconcile.domain.check.Pair;
import java.time.Instant;
import java.util.List;

/** The pairs. Calls join the caller's transaction. */
public interface PairStore {
    /** The pair of (rule, key), created as {@code fresh} when absent, locked until the transaction ends. */
    Pair lock(Pair fresh);

    void save(Pair pair, Instant now);

    /** WAITING pairs due at or before {@code now}, oldest first, at most {@code limit}, locked (others skip them). */
    List<Pair> overdue(Instant now, int limit);
}
