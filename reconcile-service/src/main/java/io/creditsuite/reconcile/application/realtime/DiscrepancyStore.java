package io.creditsuite.reconcile.application.realtime;

import io.creditsuite.reconcile.domain.discrepancy.Discrepancy;
import java.util.Optional;

/** The discrepancies and their transitions. Calls join the caller's transaction. */
public interface DiscrepancyStore {
    /** What the rule said and which facts were involved, kept with the discrepancy for the people who resolve it. */
    record Context(String severity, String ownerTeam, String traceIds, String businessIds) {
    }

    /** The discrepancy of (rule, fingerprint, period), locked until the transaction ends. */
    Optional<Discrepancy> lock(String ruleId, String fingerprint, String period);

    /** A stored discrepancy with what was kept with it. */
    record Located(Discrepancy discrepancy, Context context) {
    }

    /** By its id, locked until the transaction ends. */
    Optional<Located> lockById(long id);

    /** Inserts or updates it and appends its new transitions. */
    void save(Discrepancy discrepancy, Context context);
}
