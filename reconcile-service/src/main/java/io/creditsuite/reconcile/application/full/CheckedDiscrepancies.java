package io.creditsuite.reconcile.application.full;

import java.time.Instant;
import java.util.List;

/** Reads the full check needs of the discrepancies its rules opened. */
public interface CheckedDiscrepancies {
    /**
     * Ids of the unresolved discrepancies of {@code ruleId} last found before {@code before} (so not found again by
     * the run that started then), limited to one fingerprint and / or period when they are not null.
     */
    List<Long> unresolvedNotFoundSince(String ruleId, Instant before, String fingerprint, String period);
}
