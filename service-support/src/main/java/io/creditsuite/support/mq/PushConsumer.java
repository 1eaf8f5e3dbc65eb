package io.creditsuite.support.mq;

import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.springframework.context.SmartLifecycle;

/**
 * A RocketMQ push consumer started and stopped with the application context, for consumers that need settings
 * {@code @RocketMQMessageListener} does not give (orderly over several topics, a short retry delay). Each has its own
 * client instance, so a second application context in one JVM (tests) never shares it.
 */
public final class PushConsumer implements SmartLifecycle {
    /** Subscriptions, threads and the listener of the consumer, before it starts. */
    @FunctionalInterface
    public interface SetUp {
        void apply(DefaultMQPushConsumer consumer) throws MQClientException;
    }

    private final String group;
    private final String nameServer;
    private final SetUp setUp;
    private volatile DefaultMQPushConsumer consumer;

    public PushConsumer(String group, String nameServer, SetUp setUp) {
        this.group = group;
        this.nameServer = nameServer;
        this.setUp = setUp;
    }

    @Override
    public void start() {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(nameServer);
        c.setInstanceName(group + "-" + UUID.randomUUID());
        try {
            setUp.apply(c);
            c.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start consumer group " + group + " on " + nameServer, e);
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
