package io.creditsuite.account.infrastructure.mq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.account.application.BufferedPostingQueue;
import io.creditsuite.account.application.PostingCommand;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
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

    private final DefaultMQProducer producer;
    private final ObjectMapper json = new ObjectMapper();
    private final SelectMessageQueueByHash byHash = new SelectMessageQueueByHash();
    private final ConcurrentHashMap<MessageQueue, Sender> senders = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private static final long QUEUES_TTL_NANOS = 30_000_000_000L;
    private volatile List<MessageQueue> queues;
    private volatile long queuesReadAt;

    RocketMqBufferedPostingQueue(RocketMQTemplate rocketMq) {
        this.producer = rocketMq.getProducer();
    }

    @Override
    public void enqueue(PostingCommand command, long orderKey) {
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
        Waiting waiting = new Waiting(message, new CompletableFuture<>());
        senders.computeIfAbsent(queue, Sender::new).waiting.add(waiting);
        try {
            waiting.stored().get(SEND_TIMEOUT_MS * 2, TimeUnit.MILLISECONDS);
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

    @Override
    public void destroy() {
        closed = true;
        senders.values().forEach(s -> s.thread.interrupt());
    }

    private record Waiting(Message message, CompletableFuture<Void> stored) {
    }

    private final class Sender {
        final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
        final Thread thread;
        final MessageQueue queue;

        Sender(MessageQueue queue) {
            this.queue = queue;
            thread = new Thread(this::run, "ledger-buffer-send-" + queue.getQueueId());
            thread.setDaemon(true);
            thread.start();
        }

        void run() {
            List<Waiting> batch = new ArrayList<>(MAX_BATCH);
            while (!closed) {
                try {
                    Waiting first = waiting.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    waiting.drainTo(batch, MAX_BATCH - 1);
                    send(batch);
                    batch.clear();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            waiting.forEach(w -> w.stored().completeExceptionally(new IllegalStateException("shutting down")));
        }

        private void send(List<Waiting> batch) {
            List<Message> messages = new ArrayList<>(batch.size());
            batch.forEach(w -> messages.add(w.message()));
            try {
                SendResult result = batch.size() == 1 ? producer.send(messages.get(0), queue, SEND_TIMEOUT_MS)
                        : producer.send(messages, queue, SEND_TIMEOUT_MS);
                if (result.getSendStatus() != SendStatus.SEND_OK) {
                    throw new IllegalStateException(result.getSendStatus().name());
                }
                batch.forEach(w -> w.stored().complete(null));
            } catch (Exception e) {
                batch.forEach(w -> w.stored().completeExceptionally(e));
            }
        }
    }
}
