package io.creditsuite.support.mq;

import io.creditsuite.support.env.EnvMessageGate;
import io.creditsuite.support.env.Environments;
import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

/**
 * A RocketMQ push consumer started and stopped with the application context, for consumers that need settings
 * {@code @RocketMQMessageListener} does not give (orderly over several topics, a short retry delay). Each has its own
 * client instance, so a second application context in one JVM (tests) never shares it.
 *
 * <p>In a branch environment ({@code credit-suite.env}) it consumes as the group {@code <group>-<env>}; in every
 * environment its listener sits behind the {@link EnvMessageGate}, so each event is consumed in one environment.
 */
public final class PushConsumer implements SmartLifecycle, EnvironmentAware {
    /** Subscriptions, threads and the listener of the consumer, before it starts. */
    @FunctionalInterface
    public interface SetUp {
        void apply(DefaultMQPushConsumer consumer) throws MQClientException;
    }

    private final String group;
    private final String nameServer;
    private final SetUp setUp;
    private String env = "";
    private volatile DefaultMQPushConsumer consumer;

    public PushConsumer(String group, String nameServer, SetUp setUp) {
        this.group = group;
        this.nameServer = nameServer;
        this.setUp = setUp;
    }

    @Override
    public void setEnvironment(Environment environment) {
        env = Environments.instanceEnvironment(environment.getProperty(Environments.PROPERTY, ""));
    }

    @Override
    public void start() {
        String groupHere = Environments.consumerGroup(group, env);
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(groupHere);
        c.setNamesrvAddr(nameServer);
        c.setInstanceName(groupHere + "-" + UUID.randomUUID());
        try {
            setUp.apply(c);
            EnvMessageGate.install(c, group, env);
            c.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start consumer group " + groupHere + " on " + nameServer, e);
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
