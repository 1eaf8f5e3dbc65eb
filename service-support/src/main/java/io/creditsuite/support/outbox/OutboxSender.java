package io.creditsuite.support.outbox;

/**
 * Hands one outbox row to the broker and returns once the broker has stored it; throws when it did not (the relay
 * then keeps the row unsent and retries it). Must keep the order of calls for one ordering key.
 */
@FunctionalInterface
public interface OutboxSender {
    void send(OutboxRow row) throws Exception;
}
