package io.creditsuite.account.infrastructure.mq;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.account.application.BufferedPostingGate;
import io.creditsuite.account.application.ResolvedPosting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Applies buffered postings in order per account, MANY per transaction: an ORDERLY push consumer
 * hands over up to {@value #BATCH} messages of one queue at a time, and they are written as one
 * batch (one lock round, one journal insert, one commit). Why not {@code @RocketMQMessageListener}:
 * its listener gets one message per call, so one transaction (and one fsync) per posting, which
 * kept the drain at a few hundred postings/s, far below what the queue accepts.
 *
 * <p>Dedupe is the journal's unique voucher key: a redelivered message replays instead of posting
 * twice. Any failure other than a business refusal suspends the queue for a moment and RocketMQ
 * redelivers the whole batch (the postings that did commit then replay).
 */
@Component
@ConditionalOnProperty(name = "credit-suite.ledger.buffered-consumer", havingValue = "true", matchIfMissing = true)
class BufferedPostingConsumer implements SmartLifecycle {
    static final String GROUP = "account-ledger-buffered";
    static final int BATCH = 256;
    private static final Logger log = LoggerFactory.getLogger(BufferedPostingConsumer.class);

    private final BufferedPostingGate gate;
    private final String nameServer;
    private final ObjectMapper json = new ObjectMapper();
    private volatile DefaultMQPushConsumer consumer;

    BufferedPostingConsumer(BufferedPostingGate gate, @Value("${rocketmq.name-server}") String nameServer) {
        this.gate = gate;
        this.nameServer = nameServer;
    }

    @Override
    public void start() {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(GROUP);
        c.setNamesrvAddr(nameServer);
        // its own client instance: a second application context in one JVM (tests) must not share it
        c.setInstanceName(GROUP + "-" + UUID.randomUUID());
        c.setConsumeMessageBatchMaxSize(BATCH);
        c.setPullBatchSize(BATCH);
        try {
            c.subscribe(BufferedPostingMessage.TOPIC, "*");
            c.registerMessageListener((MessageListenerOrderly) (messages, context) -> {
                try {
                    gate.applyAll(commands(messages));
                    return ConsumeOrderlyStatus.SUCCESS;
                } catch (RuntimeException e) {
                    log.warn("buffered batch of {} postings not applied, redelivering: {}", messages.size(), e.toString());
                    return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                }
            });
            c.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start the buffered-posting consumer on " + nameServer, e);
        }
        consumer = c;
    }

    private List<ResolvedPosting> commands(List<MessageExt> messages) {
        List<ResolvedPosting> commands = new ArrayList<>(messages.size());
        for (MessageExt m : messages) {
            try {
                commands.add(json.readValue(m.getBody(), BufferedPostingMessage.class).command());
            } catch (IOException e) {
                // not a posting we wrote: redelivery will not help, but dropping it silently would hide money
                throw new UncheckedIOException("unreadable buffered posting " + m.getKeys(), e);
            }
        }
        return commands;
    }

    @Override
    public void stop() {
        DefaultMQPushConsumer c = consumer;
        consumer = null;
        if (c != null) {
            c.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return consumer != null;
    }
}
