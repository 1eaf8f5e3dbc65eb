package io.creditsuite.api.probe;

import java.io.Serializable;

/**
 * One participant's view of a TCC probe branch.
 *
 * @param fenceStatus Seata's {@code tcc_fence_log.status} for the branch: 1 tried, 2 committed,
 *                    3 rollbacked, 4 suspended (cancel before try), 0 when there is no fence row
 */
public record TccBranchView(String service, String probeId, String xid, BranchPhase phase, int fenceStatus)
        implements Serializable {
}
