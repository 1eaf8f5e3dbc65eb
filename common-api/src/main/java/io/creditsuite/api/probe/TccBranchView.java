package io.creditsuite.api.probe;

import java.io.Serializable;

/**
 * One participant's view of a TCC probe branch.
 *
 * @param xid                     the global transaction the branch belongs to; null when the try
 *                                never reached this participant
 * @param fenceStatus             Seata's {@code tcc_fence_log.status} for the branch: 1 tried,
 *                                2 committed, 3 rollbacked, 4 suspended (cancel before try), 0 when
 *                                there is no fence row (no try yet, a try whose local transaction
 *                                rolled back before any phase 2, or a suspended row Seata deleted
 *                                after refusing the late try)
 * @param phaseChangedAtEpochMilli when the participant last wrote {@code phase}; 0 when it never did
 */
public record TccBranchView(String service, String probeId, String xid, BranchPhase phase, int fenceStatus,
                            long phaseChangedAtEpochMilli) implements Serializable {
}
