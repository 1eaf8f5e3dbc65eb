package io.creditsuite.credit.domain;

import java.time.Instant;

/** One audited maintenance change (who, checker, when, before, after, why). */
public record AuditEntry(String requestId, String lineId, String action, String actor, String checker,
                         Instant occurredAt, String before, String after, String reason, String bodyHash) {
}
