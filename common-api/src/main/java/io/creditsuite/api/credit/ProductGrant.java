package io.creditsuite.api.credit;

import java.io.Serializable;

/** A product-level node under a business type, with its fixed limit. */
public record ProductGrant(String productCode, long fixedLimitMinor) implements Serializable {
}
