package io.creditsuite.credit.domain;

import java.util.List;

/**
 * One idempotent request to change nodes: its request id (unique in the flow log), a hash of its body (a
 * reused id with another body is refused), the operation and the nodes it will lock.
 */
public record Posting(String requestId, String bodyHash, LimitOperation operation, List<Long> nodeIds, long hotRoot,
                      FlowHeader header) {
    public Posting {
        nodeIds = List.copyOf(nodeIds);
    }
}
