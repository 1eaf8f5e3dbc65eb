package io.creditsuite.reconcile.domain.fact;

import java.time.Instant;
import java.util.Map;

/**
 * A business event as BCP stores it: one per (event type, business key), whatever the number of deliveries.
 *
 * @param payload the event's body (numbers as Long, text as String, nested objects as maps)
 */
public record Fact(String eventType, String businessKey, String orderingKey, Instant occurredAt, String traceId,
                   Map<String, Object> payload) {
    public Fact {
        payload = Map.copyOf(payload);
    }
}
