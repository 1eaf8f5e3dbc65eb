package io.creditsuite.api.credit;

import java.io.Serializable;

/** Sets (or replaces) the cap of a business type in a currency. */
public record BusinessTypeCapRequest(String businessType, String currency, long capMinor) implements Serializable {
}
