package io.creditsuite.reconcile.application.realtime;

import io.creditsuite.reconcile.domain.fact.Fact;
import java.util.Optional;
import java.util.OptionalLong;

/** The facts received. Writes join the caller's transaction. */
public interface FactStore {
    /** @return the new fact's id, or empty when a fact of this type and business key is stored already */
    OptionalLong insert(Fact fact);

    Optional<Fact> byId(long factId);
}
