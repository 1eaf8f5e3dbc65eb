package io.creditsuite.credit.infrastructure.mq;

import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.springframework.context.SmartLifecycle;

/**
 * The push consumer of {@value LedgerPayoutListener#TOPIC}, tag {@value LedgerPayoutListener#TAG}, group
 * {@value #GROUP} (created at start by MqTopicsAtStart from credit-suite.mq.consumer-groups). Concurrent, not
 * orderly: each message completes one loan independently, and an orderly consumer would hold up the other loans of
 * its queue while one waits for credit's confirm. Why not {@code @RocketMQMessageListener}: its retry delay is the
 * broker's default (10 s for the first retry), longer than the sweep it is meant to beat.
 */
public final class LedgerPayoutConsumer implements SmartLifecycle {
    public static final String GROUP = "credit-loan-payout";

    private final LedgerPayoutListener listener;
    private final String nameServer;
    private volatile DefaultMQPushConsumer consumer;

    public LedgerPayoutConsumer(LedgerPayoutListener listener, String nameServer) {
        this.listener = listener;
        this.nameServer = nameServer;
    }

    @Override
    public void start() {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(GROUP);
        c.setNamesrvAddr(nameServer);
        // its own client instance: a second application context in one JVM (tests) must not share it
        c.setInstanceName(GROUP + "-" + UUID.randomUUID());
        c.setConsumeThreadMin(2);
        c.setConsumeThreadMax(4);
        try {
            c.subscribe(LedgerPayoutListener.TOPIC, LedgerPayoutListener.TAG);
            c.registerMessageListener(listener);
            c.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start the ledger payout consumer on " + nameServer, e);
        }
        consumer = c;
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
