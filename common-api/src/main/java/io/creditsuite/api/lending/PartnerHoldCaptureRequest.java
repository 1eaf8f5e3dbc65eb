package io.creditsuite.api.lending;

import java.io.Serializable;

public record PartnerHoldCaptureRequest(String requestId, String partnerId, String holdId, long amountMinor,
                                        String currency) implements Serializable {
}
