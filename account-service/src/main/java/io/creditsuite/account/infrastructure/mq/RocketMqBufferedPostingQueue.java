package io.creditsuite.account.infrastructure.mq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.account.application.BufferedPostingQueue;
import io.creditsuite.account.application.GroupedCalls;
import io.creditsuite.account.application.ResolvedPosting;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.selector.SelectMessageQueueByHash;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Buffered postings go to {@link BufferedPostingMessage#TOPIC} (JSON, KEYS = voucher), in the
 * queue chosen by the account id (orderly: one account's postings are consumed in order). The
 * caller hears ACCEPTED only once the broker has stored the message.
 *
 * <p>Group send, like the writers' group commit: callers hand their message to the sender of its
 * queue and wait; the sender takes what has gathered (up to {@value #MAX_BATCH}) and stores it
 * with ONE synchronous batch send. One request per batch instead of one per posting is what lets
 * the broker keep up with many clients; the order within a queue is the order of arrival.
 */
@Component
class RocketMqBufferedPostingQueue implements BufferedPostingQueue, DisposableBean {
    static final int MAX_BATCH = 128;
    private static final long SEND_TIMEOUT_MS = 3_000;
    private static final long QUEUES_TTL_NANOS = 30_000_000_000L;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final DefaultMQProducer producer;
    private final ObjectMapper json = new ObjectMapper();
    private final SelectMessageQueueByHash byHash = new SelectMessageQueueByHash();
    private final ConcurrentHashMap<MessageQueue, GroupedCalls<Message, Void>> senders = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile List<MessageQueue> queues;
    private volatile long queuesReadAt;

    RocketMqBufferedPostingQueue(RocketMQTemplate rocketMq) {
        this.producer = rocketMq.getProducer();
    }

    @Override
    public void enqueue(ResolvedPosting command, long orderKey) {
        String voucher = command.posting().voucherNo();
        if (closed) {
            throw busy(voucher, "the ledger is shutting down");
        }
        Message message;
        MessageQueue queue;
        try {
            message = new Message(BufferedPostingMessage.TOPIC, json.writeValueAsBytes(BufferedPostingMessage.of(command)));
            message.setKeys(voucher);
            queue = byHash.select(queues(), message, String.valueOf(orderKey));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write buffered posting " + voucher, e);
        } catch (Exception e) {
            throw busy(voucher, "no route to the buffer queue (" + e.getMessage() + ")");
        }
        CompletableFuture<Void> stored = senders.computeIfAbsent(queue, q -> new GroupedCalls<>(
                "ledger-buffer-send-" + q.getQueueId(), 1, MAX_BATCH, messages -> send(q, messages))).offer(message);
        try {
            stored.get(SEND_TIMEOUT_MS * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(voucher, "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw busy(voucher, cause.getMessage());
        }
    }

    /** The topic's queues, asked of the name server at most every 30 s (not once per posting). */
    private List<MessageQueue> queues() throws Exception {
        long now = System.nanoTime();
        List<MessageQueue> known = queues;
        if (known == null || now - queuesReadAt > QUEUES_TTL_NANOS) {
            known = producer.fetchPublishMessageQueues(BufferedPostingMessage.TOPIC);
            queues = known;
            queuesReadAt = now;
        }
        return known;
    }

    private static LedgerException busy(String voucher, String why) {
        // not accepted (e.g. the broker's flow control); the caller may retry with the same voucher
        return new LedgerException(LedgerError.LEDGER_BUSY, "the buffer queue did not take voucher " + voucher + " ("
                + why + "); retry with the same voucher");
    }

    /** One batch: ONE synchronous send, so the broker has stored all of it or the callers hear it was not taken. */
    private List<Void> send(MessageQueue queue, List<Message> messages) {
        SendResult result;
        try {
            result = messages.size() == 1 ? producer.send(messages.get(0), queue, SEND_TIMEOUT_MS)
                    : producer.send(messages, queue, SEND_TIMEOUT_MS);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (result.getSendStatus() != SendStatus.SEND_OK) {
            throw new IllegalStateException(result.getSendStatus().name());
        }
        return Collections.nCopies(messages.size(), null);
    }

    /** A graceful stop: new postings are refused, what was handed over is sent (up to 10 s), then the senders stop. */
    @Override
    public void destroy() throws InterruptedException {
        closed = true;
        for (GroupedCalls<Message, Void> sender : senders.values()) {
            sender.drain(DRAIN_TIMEOUT);
        }
        senders.values().forEach(s -> s.stop(() -> new IllegalStateException("shutting down")));
    }
}
