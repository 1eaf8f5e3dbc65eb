package io.creditsuite.reconcile.infrastructure.bcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.creditsuite.middleware.Middleware;
import io.creditsuite.support.mq.RocketMqTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;

/**
 * bcp_events_behind on a real broker: the count the broker keeps of a group's unconsumed messages, read through
 * {@link BrokerConsumerLag} into the gauge. Messages published while the group does not consume raise it by exactly
 * their number; once a consumer of the group has consumed them and committed its offsets it is back to 0.
 */
class EventsBehindIT {
    static {
        // rebalance every second instead of every 20 s, so the consumer picks up its queues fast
        System.setProperty("rocketmq.client.rebalance.waitInterval", "1000");
    }

    private static final Duration SETTLE = Duration.ofSeconds(60);

    @Test
    void the_gauge_counts_what_the_group_has_not_consumed_and_returns_to_zero_once_it_has() throws Exception {
        String nameServer = Middleware.shared().start(Middleware.Component.ROCKETMQ).nameServerAddress();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String topic = "CS_LAG_IT_" + suffix;
        String group = "lag-it-" + suffix;
        try (RocketMqTopics admin = new RocketMqTopics(nameServer, Duration.ofSeconds(30))) {
            admin.create(List.of(topic), List.of(group), 4, Duration.ofSeconds(30));
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BcpMetrics metrics = new BcpMetrics(null, meters);
        DefaultMQProducer producer = new DefaultMQProducer("lag-it-producer-" + suffix);
        producer.setNamesrvAddr(nameServer);
        producer.start();
        try (BrokerConsumerLag lag = new BrokerConsumerLag(nameServer, Duration.ofSeconds(5))) {
            EventsBehind eventsBehind = new EventsBehind(lag, group, List.of(topic), metrics);
            assertThat(eventsBehind.refresh()).isZero();
            assertThat(gauge(meters, topic)).isZero();

            for (int i = 0; i < 7; i++) {
                Message message = new Message(topic, "T", "key-" + i, ("event " + i).getBytes(StandardCharsets.UTF_8));
                assertThat(producer.send(message).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }

            // nobody consumes: all seven are behind, spread over the topic's queues and summed
            assertThat(lag.behind(group, topic)).isEqualTo(7);
            assertThat(eventsBehind.refresh()).isZero();
            assertThat(gauge(meters, topic)).isEqualTo(7);
            // another group's consumption is not this group's
            assertThat(lag.behind(group + "-other", topic)).isEqualTo(7);

            Set<String> consumed = ConcurrentHashMap.newKeySet();
            DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
            consumer.setNamesrvAddr(nameServer);
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.setPersistConsumerOffsetInterval(500);
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(m -> consumed.add(m.getKeys()));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            try {
                await().atMost(SETTLE).pollInterval(Duration.ofMillis(200)).until(() -> consumed.size() == 7);
                await().atMost(SETTLE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    eventsBehind.refresh();
                    assertThat(gauge(meters, topic)).isZero();
                });
            } finally {
                consumer.shutdown();
            }
            assertThat(meters.get("bcp.events.behind.failures").counter().count()).isZero();
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void a_broker_that_cannot_be_read_counts_a_failure_and_the_gauge_keeps_its_last_value() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BcpMetrics metrics = new BcpMetrics(null, meters);
        metrics.eventsBehind(BcpEventConsumer.CREDIT_TOPIC, 42);
        // a name server address nobody listens on
        String nowhere = "127.0.0.1:" + io.creditsuite.middleware.Ports.freePort();
        try (BrokerConsumerLag lag = new BrokerConsumerLag(nowhere, Duration.ofSeconds(1))) {
            EventsBehind eventsBehind = new EventsBehind(lag, BcpEventConsumer.GROUP,
                    List.of(BcpEventConsumer.CREDIT_TOPIC, BcpEventConsumer.LEDGER_TOPIC), metrics);

            assertThat(eventsBehind.refresh()).isEqualTo(2);
        }
        assertThat(gauge(meters, BcpEventConsumer.CREDIT_TOPIC)).isEqualTo(42);
        // a topic never read has no series: no invented zero
        assertThat(meters.find("bcp.events.behind").tag("topic", BcpEventConsumer.LEDGER_TOPIC).gauge()).isNull();
        assertThat(meters.get("bcp.events.behind.failures").counter().count()).isEqualTo(2);
    }

    private static double gauge(SimpleMeterRegistry meters, String topic) {
        return meters.get("bcp.events.behind").tag("topic", topic).gauge().value();
    }
}
