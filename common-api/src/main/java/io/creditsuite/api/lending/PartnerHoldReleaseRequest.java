package io.creditsuite.api.lending;

import java.io.Serializable;

public record PartnerHoldReleaseRequest(String requestId, String partnerId, String holdId) implements Serializable {
}
