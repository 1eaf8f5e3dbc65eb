package io.creditsuite.reconcile.application.discrepancy;

import io.creditsuite.api.reconcile.DiscrepancyView;
import java.util.List;
import java.util.Optional;

/** Discrepancies as people read them, with their transitions. */
public interface DiscrepancyReads {
    /** Newest first; {@code state} and {@code ruleId} null for all. */
    List<DiscrepancyView> list(String state, String ruleId, int limit);

    Optional<DiscrepancyView> byId(long id);
}
