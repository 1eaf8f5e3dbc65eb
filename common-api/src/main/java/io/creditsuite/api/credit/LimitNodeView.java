package io.creditsuite.api.credit;

import java.io.Serializable;
import java.util.List;

/**
 * A node of the limit DAG with its balances now: {@code limit = fixed + unexpired temporary - retired},
 * {@code used = inTransit + inUse}, {@code available = limit - used - frozen}.
 *
 * <p>{@code limitType} is the name of a {@link LimitType} as a string, not the enum: these views travel in
 * lists, and Dubbo 3.3.5's hessian-lite cannot read a record whose field is a back-reference to an object
 * written earlier in the same message (an enum repeated across records is one; apache/dubbo-hessian-lite#80).
 */
public record LimitNodeView(long nodeId, String lineId, String holderId, String limitType, String level,
                            String businessType, String productCode, List<Long> usageParentIds,
                            List<Long> grantParentIds, String currency, long fixedMinor, long temporaryMinor,
                            Long temporaryExpiresAtEpochMillis, long retiredMinor, long limitMinor, long frozenMinor,
                            long inTransitMinor, long inUseMinor, long usedMinor, long availableMinor)
        implements Serializable {
}
