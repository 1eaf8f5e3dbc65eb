package io.creditsuite.reconcile.infrastructure.bcp;

import io.creditsuite.support.mq.RocketMqTopics;
import java.time.Duration;
import java.util.Map;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.admin.OffsetWrapper;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;

/**
 * How many messages of a topic a consumer group has not consumed yet, as the brokers count it: on every master
 * broker the name server routes the topic to, the admin request {@code mqadmin consumerProgress} sends
 * ({@code GET_CONSUME_STATS}), summed over the topic's queues as {@code max(0, brokerOffset - consumerOffset)}. A
 * queue the group has never committed an offset for counts from 0: everything in it is behind.
 *
 * <p>Guarantee: {@link #behind} answers the brokers' figure or throws; it never guesses (a broker that cannot be
 * read is an error, not a zero).
 */
public final class BrokerConsumerLag implements EventsBehind.Lag, AutoCloseable {
    private final String nameServer;
    private final long timeoutMillis;
    private final MQClientAPIImpl admin;

    public BrokerConsumerLag(String nameServer, Duration timeout) {
        this.nameServer = nameServer;
        this.timeoutMillis = Math.max(1_000, timeout.toMillis());
        this.admin = RocketMqTopics.adminClient(nameServer);
    }

    /**
     * @throws IllegalStateException naming the name server, group and topic when the route or a broker cannot be read
     */
    @Override
    public long behind(String group, String topic) {
        try {
            TopicRouteData route = admin.getTopicRouteInfoFromNameServer(topic, timeoutMillis);
            long behind = 0;
            int brokers = 0;
            for (BrokerData broker : route.getBrokerDatas()) {
                String master = broker.getBrokerAddrs().get(MixAll.MASTER_ID);
                if (master == null) {
                    continue;
                }
                brokers++;
                ConsumeStats stats = admin.getConsumeStats(master, group, topic, timeoutMillis);
                for (Map.Entry<MessageQueue, OffsetWrapper> queue : stats.getOffsetTable().entrySet()) {
                    if (queue.getKey().getTopic().equals(topic)) {
                        OffsetWrapper offsets = queue.getValue();
                        behind += Math.max(0, offsets.getBrokerOffset() - Math.max(0, offsets.getConsumerOffset()));
                    }
                }
            }
            if (brokers == 0) {
                throw new IllegalStateException("no master broker serves topic " + topic);
            }
            return behind;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(group, topic, e);
        } catch (Exception e) {
            throw failure(group, topic, e);
        }
    }

    private IllegalStateException failure(String group, String topic, Exception cause) {
        return new IllegalStateException("RocketMQ at name server " + nameServer + ": cannot read how far " + group
                + " is behind on " + topic + ": " + cause, cause);
    }

    @Override
    public void close() {
        admin.shutdown();
    }
}
