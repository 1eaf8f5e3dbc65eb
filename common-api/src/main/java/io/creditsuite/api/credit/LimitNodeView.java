package io.creditsuite.api.credit;

import java.io.Serializable;
import java.util.List;

/**
 * A node of the limit DAG with its balances now: {@code limit = fixed + unexpired temporary - retired},
 * {@code used = inTransit + inUse}, {@code available = limit - used - frozen}.
 */
public record LimitNodeView(long nodeId, String lineId, String holderId, LimitType limitType, String level,
                            String businessType, String productCode, List<Long> usageParentIds,
                            List<Long> grantParentIds, String currency, long fixedMinor, long temporaryMinor,
                            Long temporaryExpiresAtEpochMillis, long retiredMinor, long limitMinor, long frozenMinor,
                            long inTransitMinor, long inUseMinor, long usedMinor, long availableMinor)
        implements Serializable {
}
