package io.creditsuite.api.reconcile;

import java.io.Serializable;

/** One change of a discrepancy's state: who (a person, or "bcp" for a check), when, from, to and why. */
public record TransitionView(long atEpochMillis, String actor, String fromState, String toState, String why)
        implements Serializable {
}
