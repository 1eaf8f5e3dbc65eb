package io.creditsuite.approval.domain.application;

import java.time.Instant;

/**
 * One step of an application's history (its audit): who did what, at which stage, and the state before and after.
 *
 * @param actor "system" for intake, checks and grant; a staff user name for review actions
 */
public record HistoryEntry(Instant at, String actor, ReviewStep stage, String action, Long approvedMinor,
                           String reasonCode, String comment, ApplicationState stateBefore,
                           ApplicationState stateAfter) {
    /** The actor of what the service does by itself: intake, checks, grant. */
    public static final String SYSTEM = "system";
}
