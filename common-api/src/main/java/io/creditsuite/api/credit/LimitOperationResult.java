package io.creditsuite.api.credit;

import java.io.Serializable;

/**
 * The result of a limit operation. ACCEPTED: {@code flowSeq} is the flow it wrote (a retry returns the same);
 * LIMIT_INSUFFICIENT: nothing was written, {@code holdId} is null and {@code detail} names the node.
 */
public record LimitOperationResult(String requestId, String holdId, LimitOutcome outcome, long flowSeq, String detail)
        implements Serializable {
}
