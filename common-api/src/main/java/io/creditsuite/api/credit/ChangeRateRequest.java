package io.creditsuite.api.credit;

import java.io.Serializable;

/** {@code rate}: annual rate as a decimal string in [0, 1), at most 6 decimals. */
public record ChangeRateRequest(String requestId, String actor, String reason, String lineId, String rate)
        implements Serializable {
}
