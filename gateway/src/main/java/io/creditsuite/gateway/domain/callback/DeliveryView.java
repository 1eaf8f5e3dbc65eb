package io.creditsuite.gateway.domain.callback;

import java.time.Instant;

/** A callback delivery as operators see it (the payload and any secret left out). */
public record DeliveryView(String eventId, String partnerId, String applicationId, String callbackUrl,
                           CallbackStatus status, int attempts, Instant nextAttemptAt, Integer lastHttpStatus,
                           String lastError, Instant createdAt, Instant finishedAt) {
}
