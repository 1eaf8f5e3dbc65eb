package io.creditsuite.support.mq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig;

/**
 * Makes sure topics and consumer groups exist on every master broker a RocketMQ name server knows,
 * with the admin requests {@code mqadmin updateTopic -c} and {@code updateSubGroup -c} send.
 *
 * <p>Why a service does this itself: a broker creates a topic on the first send only through the
 * send path, so a producer that first asks for the topic's queues (buffered posting does, to
 * pick the account's queue) gets "no route" on a fresh broker, and a consumer started before the
 * first send waits up to 30 s for its route. Idempotent: what exists is left as it is (its queue
 * count included); only what is missing is created, and the step returns once the name server
 * routes every topic to every broker.
 */
public final class RocketMqTopics implements AutoCloseable {
    private static final long POLL_MILLIS = 200;

    private final String nameServer;
    private final MQClientAPIImpl admin;
    private final long requestTimeoutMillis;

    public RocketMqTopics(String nameServer, Duration requestTimeout) {
        this.nameServer = nameServer;
        this.requestTimeoutMillis = Math.max(1_000, requestTimeout.toMillis());
        this.admin = adminClient(nameServer);
    }

    /**
     * A started client for the admin requests {@code mqadmin} sends, talking to {@code nameServer}; the caller
     * shuts it down.
     */
    public static MQClientAPIImpl adminClient(String nameServer) {
        ClientConfig client = new ClientConfig();
        client.setNamesrvAddr(nameServer);
        MQClientAPIImpl admin = new MQClientAPIImpl(new NettyClientConfig(), null, null, client);
        admin.start();
        admin.updateNameServerAddressList(nameServer);
        return admin;
    }

    /** What {@link #ensure} found and did, for the start log. */
    public record Report(Map<String, String> topics, Map<String, String> consumerGroups) {
        @Override
        public String toString() {
            return "topics " + describe(topics) + ", consumer groups " + describe(consumerGroups);
        }

        private static String describe(Map<String, String> states) {
            return states.isEmpty() ? "none" : states.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
        }
    }

    /**
     * Creates the missing topics (with {@code queues} read and write queues) and consumer groups on
     * every master broker, then waits until the name server routes each topic to each broker.
     *
     * @throws IllegalStateException naming the name server and the cause when RocketMQ cannot be reached
     *                               or a creation is refused
     */
    public Report create(List<String> topics, List<String> groups, int queues, Duration deadline) {
        long until = System.nanoTime() + deadline.toNanos();
        Map<String, String> masters = masters();
        Map<String, String> topicStates = new LinkedHashMap<>();
        for (String topic : topics) {
            Set<String> missingOn = brokersWithout(topic, masters.keySet());
            for (String broker : missingOn) {
                TopicConfig config = new TopicConfig(topic, queues, queues, PermName.PERM_READ | PermName.PERM_WRITE);
                call("create topic " + topic + " on " + broker, () -> admin.createTopic(masters.get(broker),
                        TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, config, requestTimeoutMillis));
            }
            topicStates.put(topic, missingOn.isEmpty() ? "existed" : "created on " + missingOn);
        }
        Map<String, String> groupStates = new LinkedHashMap<>();
        for (String group : groups) {
            List<String> createdOn = new ArrayList<>();
            for (Map.Entry<String, String> broker : masters.entrySet()) {
                if (!groupsOn(broker.getValue()).contains(group)) {
                    SubscriptionGroupConfig config = new SubscriptionGroupConfig();
                    config.setGroupName(group);
                    call("create consumer group " + group + " on " + broker.getKey(),
                            () -> admin.createSubscriptionGroup(broker.getValue(), config, requestTimeoutMillis));
                    createdOn.add(broker.getKey());
                }
            }
            groupStates.put(group, createdOn.isEmpty() ? "existed" : "created on " + createdOn);
        }
        awaitRoutes(topics, masters.keySet(), until);
        return new Report(topicStates, groupStates);
    }

    /**
     * What is missing: topics not routed to every master broker, consumer groups unknown to one;
     * empty when everything exists.
     */
    public List<String> missing(List<String> topics, List<String> groups) {
        Map<String, String> masters = masters();
        List<String> missing = new ArrayList<>();
        for (String topic : topics) {
            Set<String> without = brokersWithout(topic, masters.keySet());
            if (!without.isEmpty()) {
                missing.add("topic " + topic + " on " + without);
            }
        }
        for (String group : groups) {
            for (Map.Entry<String, String> broker : masters.entrySet()) {
                if (!groupsOn(broker.getValue()).contains(group)) {
                    missing.add("consumer group " + group + " on " + broker.getKey());
                }
            }
        }
        return missing;
    }

    /** Broker name -> master address, of every cluster the name server knows; at least one. */
    private Map<String, String> masters() {
        ClusterInfo cluster = call("read the cluster", () -> admin.getBrokerClusterInfo(requestTimeoutMillis));
        Map<String, String> masters = new TreeMap<>();
        if (cluster != null && cluster.getBrokerAddrTable() != null) {
            for (BrokerData broker : cluster.getBrokerAddrTable().values()) {
                String master = broker.getBrokerAddrs().get(MixAll.MASTER_ID);
                if (master != null) {
                    masters.put(broker.getBrokerName(), master);
                }
            }
        }
        if (masters.isEmpty()) {
            throw new IllegalStateException("RocketMQ name server " + nameServer + " knows no master broker");
        }
        return masters;
    }

    private Set<String> brokersWithout(String topic, Set<String> brokers) {
        TopicRouteData route = route(topic);
        Set<String> without = new java.util.TreeSet<>(brokers);
        if (route != null && route.getQueueDatas() != null) {
            for (QueueData queues : route.getQueueDatas()) {
                if (PermName.isReadable(queues.getPerm()) && PermName.isWriteable(queues.getPerm())) {
                    without.remove(queues.getBrokerName());
                }
            }
        }
        return without;
    }

    /** The topic's route, or null when the name server has none. */
    private TopicRouteData route(String topic) {
        try {
            return admin.getTopicRouteInfoFromNameServer(topic, requestTimeoutMillis);
        } catch (MQClientException e) {
            if (e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                return null;
            }
            throw failure("read the route of " + topic, e);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw failure("read the route of " + topic, e);
        }
    }

    private Set<String> groupsOn(String brokerAddress) {
        return call("read the consumer groups of " + brokerAddress,
                () -> admin.getAllSubscriptionGroup(brokerAddress, requestTimeoutMillis)).getSubscriptionGroupTable().keySet();
    }

    private void awaitRoutes(List<String> topics, Set<String> brokers, long untilNanos) {
        for (String topic : topics) {
            while (!brokersWithout(topic, brokers).isEmpty()) {
                if (System.nanoTime() - untilNanos > 0) {
                    throw new IllegalStateException("RocketMQ name server " + nameServer + " still routes topic " + topic
                            + " to none of " + brokersWithout(topic, brokers) + " after it was created");
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the route of " + topic, e);
                }
            }
        }
    }

    private interface AdminCall<T> {
        T call() throws Exception;
    }

    private interface AdminAction {
        void run() throws Exception;
    }

    private <T> T call(String what, AdminCall<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw failure(what, e);
        }
    }

    private void call(String what, AdminAction action) {
        call(what, () -> {
            action.run();
            return null;
        });
    }

    private IllegalStateException failure(String what, Exception cause) {
        return new IllegalStateException("RocketMQ at name server " + nameServer + ": cannot " + what + ": " + cause,
                cause);
    }

    @Override
    public void close() {
        admin.shutdown();
    }
}
