package io.creditsuite.api.credit;

import java.io.Serializable;

/** One maintenance change: who (and the checker, for approved adjustments), when, before, after, why. */
public record AuditEntryView(String requestId, String lineId, String action, String actor, String checker,
                             long occurredAtEpochMillis, String before, String after, String reason)
        implements Serializable {
}
