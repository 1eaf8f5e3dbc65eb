package io.creditsuite.support.outbox;

/**
 * A business event waiting in the outbox for its relay to RocketMQ.
 *
 * @param topic         the RocketMQ topic
 * @param eventType     e.g. {@code LOAN_DRAWDOWN_COMMITTED}; also the message tag
 * @param schemaVersion the version of the event's documented schema (docs/events.md)
 * @param businessKey   the business id (message KEYS; consumers dedupe on it), unique per event type
 * @param orderingKey   events with one ordering key reach a consumer in the order they were appended (the customer id)
 * @param payloadJson   the event body, a JSON object of the documented schema
 * @param traceId       the trace id of the request that caused the fact, or null
 */
public record OutboxMessage(String topic, String eventType, int schemaVersion, String businessKey, String orderingKey,
                            String payloadJson, String traceId) {
}
