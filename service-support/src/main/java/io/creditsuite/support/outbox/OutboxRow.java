package io.creditsuite.support.outbox;

import java.time.Instant;

/** One unsent row of {@code outbox_event}, as the relay reads it. */
public record OutboxRow(long id, String topic, String eventType, int schemaVersion, String businessKey,
                        String orderingKey, String payloadJson, String traceId, String requestId, Instant createdAt,
                        int attempts, String env) {
}
