package io.creditsuite.api.credit;

import java.io.Serializable;

/**
 * Historical flows as CSV text (see credit-service/README.md, "Replay and CSV import", for the columns): one row per
 * entry, rows of one flow share its request id. Idempotent by {@code requestId}.
 */
public record FlowImportRequest(String requestId, String actor, String reason, String csv) implements Serializable {
}
