package io.creditsuite.gateway.infrastructure.mq;

import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.springframework.context.SmartLifecycle;

/**
 * The push consumer of {@value ApprovalDecisionListener#TOPIC}, tag {@value ApprovalDecisionListener#TAG}, group
 * {@value #GROUP} (created at start by MqTopicsAtStart from credit-suite.mq.consumer-groups). Concurrent: each event
 * only records its own row, so order across applications does not matter, and the dispatcher sends in due order.
 */
public final class ApprovalDecisionConsumer implements SmartLifecycle {
    public static final String GROUP = "gateway-callbacks";

    private final ApprovalDecisionListener listener;
    private final String nameServer;
    private volatile DefaultMQPushConsumer consumer;

    public ApprovalDecisionConsumer(ApprovalDecisionListener listener, String nameServer) {
        this.listener = listener;
        this.nameServer = nameServer;
    }

    @Override
    public void start() {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(GROUP);
        c.setNamesrvAddr(nameServer);
        // its own client instance: a second application context in one JVM (tests) must not share it
        c.setInstanceName(GROUP + "-" + UUID.randomUUID());
        c.setConsumeThreadMin(1);
        c.setConsumeThreadMax(2);
        try {
            c.subscribe(ApprovalDecisionListener.TOPIC, ApprovalDecisionListener.TAG);
            c.registerMessageListener(listener);
            c.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start the approval decision consumer on " + nameServer, e);
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
