package io.creditsuite.account.domain;

import java.time.LocalDate;

/** The accounting date in force and the trace id a posting is written under. */
public record EntryContext(LocalDate accountingDate, String traceId) {
    public EntryContext {
        traceId = traceId == null ? "" : traceId.length() > 64 ? traceId.substring(0, 64) : traceId;
    }
}
