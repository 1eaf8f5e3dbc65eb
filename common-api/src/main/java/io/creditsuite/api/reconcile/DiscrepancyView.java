package io.creditsuite.api.reconcile;

import java.io.Serializable;
import java.util.List;

/**
 * A BCP discrepancy: the services disagree about one thing (fingerprint, e.g. a loan's transfer) of one rule in one
 * period (a UTC day).
 *
 * @param state        OPEN, ACKNOWLEDGED or RESOLVED
 * @param resolution   AUTO, FIXED_BY_BOOKING or ACCEPTED once RESOLVED, else null
 * @param voucherNo    the corrective booking's voucher (FIXED_BY_BOOKING), else null
 * @param occurrences  how often a check found it
 * @param traceIds     the trace ids of the facts involved, comma separated (may be empty)
 * @param businessIds  the facts involved as {@code EVENT_TYPE:KEYS}, comma separated
 * @param transitions  every change of state, oldest first
 */
public record DiscrepancyView(long id, String ruleId, String fingerprint, String period, String state,
                              String resolution, String voucherNo, String detail, int occurrences, String severity,
                              String ownerTeam, String traceIds, String businessIds, long openedAtEpochMillis,
                              long updatedAtEpochMillis, List<TransitionView> transitions) implements Serializable {
}
