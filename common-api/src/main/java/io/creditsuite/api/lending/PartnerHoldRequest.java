package io.creditsuite.api.lending;

import java.io.Serializable;

/** @param expiresAtEpochMillis when the hold releases itself if not captured; must be in the future */
public record PartnerHoldRequest(String requestId, String partnerId, String customerId, String lineId, long nodeId,
                                 long amountMinor, String currency, long expiresAtEpochMillis) implements Serializable {
}
