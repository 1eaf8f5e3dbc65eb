package io.creditsuite.support.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.creditsuite.middleware.Middleware;
import io.creditsuite.middleware.Ports;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The start-up topic step against the real broker (deploy/middleware), which, like a fresh
 * devstack or production broker, has none of the suite's topics until something creates them.
 */
class RocketMqTopicsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static DefaultMQProducer producer;

    @BeforeAll
    static void startProducer() throws Exception {
        producer = new DefaultMQProducer("rocketmq-topics-it-" + UUID.randomUUID());
        producer.setNamesrvAddr(nameServer());
        producer.setInstanceName("rocketmq-topics-it-" + UUID.randomUUID());
        producer.start();
    }

    @AfterAll
    static void stopProducer() {
        if (producer != null) {
            producer.shutdown();
        }
    }

    @Test
    void a_missing_topic_and_group_are_created_and_a_producer_then_finds_the_topics_queues() {
        String topic = "CS_IT_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String group = "it-group-" + UUID.randomUUID();
        // what buffered posting does before its first send: on a fresh broker there is no route
        assertThat(catchThrowable(() -> producer.fetchPublishMessageQueues(topic))).as("before").isNotNull();

        try (RocketMqTopics rocketMq = new RocketMqTopics(nameServer(), TIMEOUT)) {
            assertThat(rocketMq.missing(List.of(topic), List.of(group)))
                    .containsExactly("topic " + topic + " on [broker-a]", "consumer group " + group + " on broker-a");

            RocketMqTopics.Report report = rocketMq.create(List.of(topic), List.of(group), 4, TIMEOUT);

            assertThat(report.topics()).containsEntry(topic, "created on [broker-a]");
            assertThat(report.consumerGroups()).containsEntry(group, "created on [broker-a]");
            assertThat(rocketMq.missing(List.of(topic), List.of(group))).isEmpty();
        }
        assertThat(queues(topic)).hasSize(4);
    }

    @Test
    void what_exists_is_left_as_it_is() {
        String topic = "CS_IT_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (RocketMqTopics rocketMq = new RocketMqTopics(nameServer(), TIMEOUT)) {
            rocketMq.create(List.of(topic), List.of(), 8, TIMEOUT);

            RocketMqTopics.Report again = rocketMq.create(List.of(topic), List.of(), 4, TIMEOUT);

            assertThat(again.topics()).containsEntry(topic, "existed");
        }
        assertThat(queues(topic)).as("the operator's 8 queues are not reset to 4").hasSize(8);
    }

    @Test
    void verify_mode_refuses_to_start_naming_what_is_missing() {
        String topic = "CS_IT_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        MqTopicsAtStart step = new MqTopicsAtStart(new MqTopicsProperties(List.of(topic), List.of(),
                MqTopicsProperties.AtStart.VERIFY, 4, TIMEOUT), nameServer(), "");

        assertThat(catchThrowable(step::start)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lacks [topic " + topic + " on [broker-a]]")
                .hasMessageContaining("credit-suite.mq.at-start");
    }

    @Test
    void an_unreachable_name_server_fails_the_start_with_its_address() {
        String nowhere = Ports.LOOPBACK + ":" + Ports.freePort();
        MqTopicsAtStart step = new MqTopicsAtStart(new MqTopicsProperties(List.of("CS_ANY"), List.of(),
                MqTopicsProperties.AtStart.CREATE, 4, Duration.ofSeconds(3)), nowhere, "");

        assertThat(catchThrowable(step::start)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RocketMQ at name server " + nowhere + ": cannot read the cluster");
    }

    private static List<MessageQueue> queues(String topic) {
        try {
            return producer.fetchPublishMessageQueues(topic);
        } catch (Exception e) {
            throw new AssertionError("no route to " + topic + ": " + e, e);
        }
    }

    private static String nameServer() {
        return Middleware.shared().nameServerAddress();
    }
}
