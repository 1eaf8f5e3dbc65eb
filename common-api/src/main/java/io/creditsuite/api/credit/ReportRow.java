package io.creditsuite.api.credit;

import java.io.Serializable;

/**
 * One group of a report, in one currency. Balances at the period's start ({@code opening*}) and end
 * ({@code closing*}): used = in transit + in use. Occurrence (发生额) within the period: frozen by holds, released
 * (unfreeze and expiry), used, disbursed, returned, and the number of flows.
 * {@code closingUsed - openingUsed = used - returned - retiredByReturn} does not hold in general (a use of a hold
 * moves frozen to used), so both sides are given as they are. {@code dimension} is the {@link ReportDimension}'s name
 * (hessian-lite cannot read a record field that back-references an enum repeated in one message).
 */
public record ReportRow(String dimension, String groupKey, String currency, long openingUsedMinor,
                        long closingUsedMinor, long openingFrozenMinor, long closingFrozenMinor, long frozeMinor,
                        long releasedMinor, long usedMinor, long disbursedMinor, long returnedMinor, long flowCount)
        implements Serializable {
}
