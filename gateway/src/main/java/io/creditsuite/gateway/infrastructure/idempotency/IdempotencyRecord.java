package io.creditsuite.gateway.infrastructure.idempotency;

import java.time.Instant;

/** A row of {@code idempotency_record}; the response fields are null while IN_PROGRESS. */
public record IdempotencyRecord(String fingerprint, Status status, Integer responseStatus, String responseType,
                                byte[] responseBody, Instant claimedAt, Instant expiresAt) {
    public enum Status { IN_PROGRESS, COMPLETED }
}
