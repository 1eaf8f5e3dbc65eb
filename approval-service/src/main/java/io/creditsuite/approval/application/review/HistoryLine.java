package io.creditsuite.approval.application.review;

import java.time.Instant;

/** One step of an application's history: who did what at which stage, and why. */
public record HistoryLine(Instant at, String actor, String stage, String action, Long approvedMinor,
                          String reasonCode, String comment) {
}
