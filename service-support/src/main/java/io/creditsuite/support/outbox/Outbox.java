package io.creditsuite.support.outbox;

/**
 * The transactional outbox: an event appended here commits or rolls back with the caller's local transaction (the
 * fact it reports), and a relay publishes it to RocketMQ afterwards, at least once; consumers dedupe by business
 * key. Call it only inside a transaction.
 */
public interface Outbox {
    void append(OutboxMessage message);

    /** Appends several events in list order (a JDBC outbox writes them as one batch). */
    default void appendAll(java.util.List<OutboxMessage> messages) {
        messages.forEach(this::append);
    }
}
