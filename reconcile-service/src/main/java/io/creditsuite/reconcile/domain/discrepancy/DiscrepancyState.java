package io.creditsuite.reconcile.domain.discrepancy;

/** OPEN -> ACKNOWLEDGED -> RESOLVED; a RESOLVED discrepancy that recurs is reopened in place (OPEN again). */
public enum DiscrepancyState {
    OPEN, ACKNOWLEDGED, RESOLVED
}
