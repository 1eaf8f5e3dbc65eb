package io.creditsuite.support.outbox;

import io.creditsuite.support.env.Environments;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.selector.SelectMessageQueueByHash;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * The envelope of every business event (docs/events.md): topic, tag = event type, KEYS = business key, user
 * properties {@value #SCHEMA_VERSION}, {@value #TRACE_ID}, {@value #REQUEST_ID}, {@value #EVENT_ID},
 * {@value #ORDERING_KEY} and, in a branch environment, {@code env}; body = the JSON payload (UTF-8).
 *
 * <p>Orderly: the queue is chosen by the hash of the ordering key ({@link SelectMessageQueueByHash} over the topic's
 * queues), so with a stable queue count one customer's events land in one queue in the order sent. A round's rows are
 * sent as one synchronous batch per queue (in id order, cut at {@value #BATCH_MESSAGES} messages or
 * {@value #BATCH_BYTES} bytes): one broker request per queue instead of one per event, which is what lets the relay keep
 * up with a writer that commits thousands of facts a second. A batch is stored whole or not at all; after a failed
 * batch the later batches of its queue are not tried in the round (their keys' order).
 */
public final class RocketMqOutboxSender implements OutboxSender {
    public static final String SCHEMA_VERSION = "schemaVersion";
    public static final String TRACE_ID = "traceId";
    public static final String REQUEST_ID = "requestId";
    /** The outbox row id: not a dedupe key (ids are per service database), for support only. */
    public static final String EVENT_ID = "outboxId";
    public static final String ORDERING_KEY = "orderingKey";
    static final int BATCH_MESSAGES = 64;
    static final int BATCH_BYTES = 512 * 1024;
    private static final long QUEUES_TTL_NANOS = 30_000_000_000L;

    private final DefaultMQProducer producer;
    private final SelectMessageQueueByHash byOrderingKey = new SelectMessageQueueByHash();
    private final long timeoutMillis;
    private final Map<String, CachedQueues> queues = new ConcurrentHashMap<>();

    private record CachedQueues(List<MessageQueue> queues, long readAtNanos) {
    }

    public RocketMqOutboxSender(DefaultMQProducer producer, long timeoutMillis) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void send(OutboxRow row) throws Exception {
        Message message = message(row);
        requireStored(producer.send(message, queueOf(row), timeoutMillis), "outbox row " + row.id());
    }

    @Override
    public Result sendAll(List<OutboxRow> rows, int maxFailures) {
        List<Long> sent = new ArrayList<>();
        Map<Long, String> failed = new LinkedHashMap<>();
        Map<MessageQueue, List<OutboxRow>> byQueue = new LinkedHashMap<>();
        Set<String> unrouted = new HashSet<>();
        for (OutboxRow row : rows) {
            if (unrouted.contains(row.orderingKey())) {
                continue; // its key's earlier row could not be routed: keep the order
            }
            try {
                byQueue.computeIfAbsent(queueOf(row), q -> new ArrayList<>()).add(row);
            } catch (Exception e) {
                unrouted.add(row.orderingKey());
                failed.put(row.id(), "no route to " + row.topic() + ": " + e.getMessage());
            }
        }
        int failedBatches = failed.isEmpty() ? 0 : 1;
        for (Map.Entry<MessageQueue, List<OutboxRow>> queue : byQueue.entrySet()) {
            if (failedBatches >= maxFailures) {
                break;
            }
            for (List<OutboxRow> batch : batches(queue.getValue())) {
                try {
                    List<Message> messages = batch.stream().map(RocketMqOutboxSender::message).toList();
                    SendResult result = messages.size() == 1 ? producer.send(messages.get(0), queue.getKey(), timeoutMillis)
                            : producer.send(messages, queue.getKey(), timeoutMillis);
                    requireStored(result, batch.size() + " outbox rows from " + batch.get(0).id());
                    batch.forEach(r -> sent.add(r.id()));
                } catch (Exception e) {
                    batch.forEach(r -> failed.put(r.id(), String.valueOf(e.getMessage())));
                    failedBatches++;
                    break; // the queue's later batches wait: they may hold later events of the same keys
                }
            }
        }
        return new Result(sent, failed);
    }

    /** Cuts a queue's rows, in order, into batches the broker takes in one request. */
    static List<List<OutboxRow>> batches(List<OutboxRow> rows) {
        List<List<OutboxRow>> batches = new ArrayList<>();
        List<OutboxRow> current = new ArrayList<>();
        int bytes = 0;
        for (OutboxRow row : rows) {
            int size = row.payloadJson().length() * 3 + 512; // UTF-8 upper bound plus the properties
            if (!current.isEmpty() && (current.size() >= BATCH_MESSAGES || bytes + size > BATCH_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(row);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private MessageQueue queueOf(OutboxRow row) throws Exception {
        return byOrderingKey.select(queuesOf(row.topic()), null, row.orderingKey());
    }

    /** The topic's queues, asked of the name server at most every 30 s. */
    private List<MessageQueue> queuesOf(String topic) throws Exception {
        long now = System.nanoTime();
        CachedQueues cached = queues.get(topic);
        if (cached == null || now - cached.readAtNanos() > QUEUES_TTL_NANOS) {
            List<MessageQueue> fetched = producer.fetchPublishMessageQueues(topic);
            if (fetched.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no queue");
            }
            cached = new CachedQueues(List.copyOf(fetched), now);
            queues.put(topic, cached);
        }
        return cached.queues();
    }

    private static void requireStored(SendResult result, String what) {
        if (result.getSendStatus() != SendStatus.SEND_OK) {
            // stored, maybe, but not as durably as asked: send again (consumers dedupe)
            throw new IllegalStateException("broker answered " + result.getSendStatus() + " for " + what);
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
        if (row.env() != null && !row.env().isBlank()) {
            message.putUserProperty(Environments.MESSAGE_PROPERTY, row.env());
        }
        return message;
    }
}
