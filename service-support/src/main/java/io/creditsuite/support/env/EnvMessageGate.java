package io.creditsuite.support.env;

import java.util.List;
import java.util.function.Function;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListener;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Which events a consumer group of one environment takes. Each environment consumes as a group of its own
 * ({@link Environments#consumerGroup}), so every environment's group sees every event; the gate lets each event
 * through in exactly one of them:
 * <pre>
 *   branch E's group:  consumes  event.env = E
 *   baseline group:    consumes  event.env blank, or event.env = E where E's group has no consumer online (a fallback)
 * </pre>
 * A consumed event runs in its environment (log context), so what its consumer calls and appends carries it on.
 * Events it does not consume are acknowledged without effect.
 */
public final class EnvMessageGate {
    /** Whether a consumer group has a consumer online; asked with a topic the group consumes. */
    @FunctionalInterface
    interface Presence {
        boolean online(String group, String topic);
    }

    private final String group;
    private final String ownEnv;
    private final Presence presence;

    EnvMessageGate(String group, String ownEnv, Presence presence) {
        this.group = group;
        this.ownEnv = ownEnv;
        this.presence = presence;
    }

    /** Wraps the listener registered on {@code consumer} (orderly or concurrent) with the gate. */
    public static void install(DefaultMQPushConsumer consumer, String group, String ownEnv) {
        EnvMessageGate gate = new EnvMessageGate(group, ownEnv, new EnvConsumerPresence(consumer, System::currentTimeMillis)::online);
        MessageListener listener = consumer.getMessageListener();
        if (listener instanceof MessageListenerOrderly orderly) {
            consumer.registerMessageListener((MessageListenerOrderly) (messages, context) -> gate.each(messages,
                    one -> orderly.consumeMessage(one, context), ConsumeOrderlyStatus.SUCCESS));
        } else if (listener instanceof MessageListenerConcurrently concurrently) {
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> gate.each(messages,
                    one -> concurrently.consumeMessage(one, context), ConsumeConcurrentlyStatus.CONSUME_SUCCESS));
        }
    }

    /** Consumes the batch's events that are this group's, one by one; stops at the first that is not done. */
    <S> S each(List<MessageExt> messages, Function<List<MessageExt>, S> consume, S success) {
        for (MessageExt message : messages) {
            String env = envOf(message);
            boolean mine = mine(message, env);
            EnvRoutingMetrics.message(group, env, mine);
            if (mine) {
                S status = Environments.within(env, () -> consume.apply(List.of(message)));
                if (status != success) {
                    return status;
                }
            }
        }
        return success;
    }

    boolean mine(MessageExt message, String env) {
        if (!ownEnv.isEmpty()) {
            return ownEnv.equals(env);
        }
        if (env.isEmpty() || !presence.online(Environments.consumerGroup(group, env), message.getTopic())) {
            if (!env.isEmpty()) {
                EnvRoutingMetrics.mqFallback(env, group, message.getTopic(), message.getKeys());
            }
            return true;
        }
        return false;
    }

    private static String envOf(MessageExt message) {
        String env = message.getUserProperty(Environments.MESSAGE_PROPERTY);
        return Environments.valid(env) ? env : "";
    }
}
