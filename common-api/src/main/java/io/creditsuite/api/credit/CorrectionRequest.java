package io.creditsuite.api.credit;

import java.io.Serializable;
import java.util.List;

/** Sets the stored balances of {@code nodeIds} (1..1000 nodes) to their replayed values; idempotent by request id. */
public record CorrectionRequest(String requestId, String actor, String reason, List<Long> nodeIds)
        implements Serializable {
}
