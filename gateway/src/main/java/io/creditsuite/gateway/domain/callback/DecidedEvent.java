package io.creditsuite.gateway.domain.callback;

/**
 * The fields of approval-service's APPLICATION_DECIDED (docs/events.md) the callback needs, and the event's JSON as
 * received: the partner is sent exactly those bytes, so what it verifies is what approval-service wrote.
 */
public record DecidedEvent(String eventId, String partnerId, String applicationId, String callbackUrl,
                           String payloadJson) {
    public boolean hasCallback() {
        return callbackUrl != null && !callbackUrl.isBlank();
    }
}
