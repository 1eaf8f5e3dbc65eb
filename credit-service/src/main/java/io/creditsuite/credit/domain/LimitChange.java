package io.creditsuite.credit.domain;

import java.util.List;

/**
 * One idempotent request to change nodes: its request id (unique in the flow log), a hash of its body (a
 * reused id with another body is refused), the operation and the nodes it will lock.
 *
 * <p>{@code usableLineId}: the line that must be usable ({@link CreditLine#ensureUsableAt}) when the change is
 * written: the line of every caller operation. Null only for what may run on any line: TCC phase two of a try that
 * passed the check, the release of an expired hold, and maintenance. The writer checks it under the line row's
 * shared lock, in the transaction that writes the change, so that a line freeze or clear (which takes that row
 * exclusively) orders strictly before or after it: {@code flow.occurredAt < freeze.occurredAt} for every caller
 * operation the freeze lets through.
 */
public record LimitChange(String requestId, String bodyHash, LimitOperation operation, List<Long> nodeIds, long hotRoot,
                      FlowHeader header, String usableLineId) {
    public LimitChange {
        nodeIds = List.copyOf(nodeIds);
    }
}
