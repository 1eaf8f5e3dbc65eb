package io.creditsuite.api.credit;

import java.io.Serializable;
import java.util.List;

/** A business-type node under the line's limit-type node, with its fixed limit and its products (may be empty). */
public record BusinessTypeGrant(String businessType, long fixedLimitMinor, List<ProductGrant> products)
        implements Serializable {
}
