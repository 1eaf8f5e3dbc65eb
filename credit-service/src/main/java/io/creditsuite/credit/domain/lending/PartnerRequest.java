package io.creditsuite.credit.domain.lending;

import java.util.Objects;

/**
 * A partner's request id, scoped to the partner (two partners may use the same id), and the hash of the body it
 * came with: the same id with another body is a reuse, not a retry.
 */
public record PartnerRequest(String partnerId, String requestId, String bodyHash) {
    public PartnerRequest {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(bodyHash, "bodyHash");
    }

    public boolean sameBodyAs(String otherHash) {
        return bodyHash.equals(otherHash);
    }
}
