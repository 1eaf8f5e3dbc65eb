package io.creditsuite.support.env;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a consumer group has a consumer online, as the broker that hosts a topic knows it (its consumers'
 * heartbeats), asked at most every {@value #TTL_MILLIS} ms per group. An answer that cannot be had (no route yet, the
 * broker down) is "not online": the baseline then consumes, which is the safe side (a consumer's effect is applied
 * once per event across environments, {@code ConsumeOnce} keying on the base group).
 */
final class EnvConsumerPresence {
    private static final Logger log = LoggerFactory.getLogger(EnvConsumerPresence.class);
    static final long TTL_MILLIS = 3_000;
    private static final long ASK_TIMEOUT_MILLIS = 3_000;

    private final DefaultMQPushConsumer consumer;
    private final LongSupplier millis;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private record Answer(boolean online, long atMillis) {
    }

    EnvConsumerPresence(DefaultMQPushConsumer consumer, LongSupplier millis) {
        this.consumer = consumer;
        this.millis = millis;
    }

    boolean online(String group, String topic) {
        long now = millis.getAsLong();
        Answer cached = answers.get(group);
        if (cached != null && now - cached.atMillis() < TTL_MILLIS) {
            return cached.online();
        }
        boolean online = ask(group, topic);
        answers.put(group, new Answer(online, now));
        return online;
    }

    private boolean ask(String group, String topic) {
        try {
            MQClientInstance client = consumer.getDefaultMQPushConsumerImpl().getmQClientFactory();
            String broker = client.findBrokerAddrByTopic(topic);
            if (broker == null) {
                return false;
            }
            List<String> ids = client.getMQClientAPIImpl().getConsumerIdListByGroup(broker, group, ASK_TIMEOUT_MILLIS);
            return ids != null && !ids.isEmpty();
        } catch (Exception noneOrUnknown) { // the broker answers an error for a group without consumers
            log.debug("consumer group {} not online: {}", group, noneOrUnknown.toString());
            return false;
        }
    }
}
