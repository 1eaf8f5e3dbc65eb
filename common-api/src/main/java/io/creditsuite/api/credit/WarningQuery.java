package io.creditsuite.api.credit;

import java.io.Serializable;

/** Warnings raised in {@code [from, to)}, newest first, at most {@code limit} (1..1000); kind and customer optional. */
public record WarningQuery(WarningKind kind, String customerId, long fromEpochMillis, long toEpochMillis, int limit)
        implements Serializable {
}
