package io.creditsuite.support.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.selector.SelectMessageQueueByHash;
import org.apache.rocketmq.common.message.Message;

/**
 * The envelope of every business event (docs/events.md): topic, tag = event type, KEYS = business key, user
 * properties {@value #SCHEMA_VERSION}, {@value #TRACE_ID}, {@value #REQUEST_ID}, {@value #EVENT_ID},
 * {@value #ORDERING_KEY}; body = the JSON payload (UTF-8). Sent orderly and synchronously: the queue is chosen by the
 * hash of the ordering key ({@link SelectMessageQueueByHash}), so with a stable queue count one customer's events
 * land in one queue in the order sent, and an orderly consumer reads them in that order.
 */
public final class RocketMqOutboxSender implements OutboxSender {
    public static final String SCHEMA_VERSION = "schemaVersion";
    public static final String TRACE_ID = "traceId";
    public static final String REQUEST_ID = "requestId";
    /** The outbox row id: not a dedupe key (ids are per service database), for support only. */
    public static final String EVENT_ID = "outboxId";
    public static final String ORDERING_KEY = "orderingKey";

    private final DefaultMQProducer producer;
    private final MessageQueueSelector byOrderingKey = new SelectMessageQueueByHash();
    private final long timeoutMillis;

    public RocketMqOutboxSender(DefaultMQProducer producer, long timeoutMillis) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void send(OutboxRow row) throws Exception {
        SendResult result = producer.send(message(row), byOrderingKey, row.orderingKey(), timeoutMillis);
        if (result.getSendStatus() != SendStatus.SEND_OK) {
            // stored, maybe, but not as durably as asked: send again (consumers dedupe)
            throw new IllegalStateException("broker answered " + result.getSendStatus() + " for outbox row " + row.id());
        }
    }

    /** The message of a row: what a consumer sees. */
    public static Message message(OutboxRow row) {
        Message message = new Message(row.topic(), row.eventType(), row.businessKey(),
                row.payloadJson().getBytes(StandardCharsets.UTF_8));
        message.putUserProperty(SCHEMA_VERSION, String.valueOf(row.schemaVersion()));
        message.putUserProperty(EVENT_ID, String.valueOf(row.id()));
        message.putUserProperty(ORDERING_KEY, row.orderingKey());
        if (row.traceId() != null && !row.traceId().isBlank()) {
            message.putUserProperty(TRACE_ID, row.traceId());
        }
        if (row.requestId() != null && !row.requestId().isBlank()) {
            message.putUserProperty(REQUEST_ID, row.requestId());
        }
        return message;
    }
}
