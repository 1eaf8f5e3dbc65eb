package io.creditsuite.reconcile.infrastructure.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.probe.MqProbeMessage;
import io.creditsuite.api.probe.MqProbeReceipt;
import io.creditsuite.api.probe.ReconcileProbeService;
import io.creditsuite.middleware.Middleware;
import io.creditsuite.support.requestid.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * reconcile-service consuming the MQ probe from a real RocketMQ broker into a real MariaDB. The
 * test is the producer (plain rocketmq-client, as credit-service's messages look on the wire).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class MqProbeConsumptionIT {
    static {
        // rebalance every second instead of every 20 s, so the listener picks up its queues fast;
        // read once, when RocketMQ's client classes load
        System.setProperty("rocketmq.client.rebalance.waitInterval", "1000");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DefaultMQProducer producer;

    @DynamicPropertySource
    static void middleware(DynamicPropertyRegistry registry) throws Exception {
        Middleware.shared().springProperties("cs_reconcile",
                        EnumSet.of(Middleware.Component.DATABASE, Middleware.Component.ZOOKEEPER,
                                Middleware.Component.ROCKETMQ))
                .forEach((key, value) -> registry.add(key, () -> value));
        // no topic created here: the service creates CS_PROBE at start, before its listener subscribes
        producer = new DefaultMQProducer("reconcile-it-producer");
        producer.setNamesrvAddr(Middleware.shared().nameServerAddress());
        producer.start();
    }

    @AfterAll
    static void stopProducer() {
        if (producer != null) {
            producer.shutdown();
        }
    }

    @Autowired
    ReconcileProbeService probes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void a_probe_message_is_received_once_and_a_redelivery_of_its_key_has_no_second_effect() throws Exception {
        String probeId = "it-" + UUID.randomUUID();
        SendResult first = send(probeId);

        MqProbeReceipt receipt = awaitReceipt(probeId);
        assertThat(receipt.consumerGroup()).isEqualTo("reconcile-probe");
        assertThat(receipt.receivedAtEpochMilli()).isPositive();

        double duplicatesBefore = duplicates();
        SendResult again = send(probeId);
        assertThat(again.getMsgId()).as("a new delivery, same business key").isNotEqualTo(first.getMsgId());
        await().atMost(Duration.ofSeconds(60)).until(() -> duplicates() > duplicatesBefore);

        assertThat(count("SELECT COUNT(*) FROM probe_receipt WHERE probe_id = ?", probeId)).isOne();
        assertThat(count("SELECT COUNT(*) FROM mq_consumed WHERE consumer_group = 'reconcile-probe' AND business_key = ?",
                probeId)).isOne();
        assertThat(jdbc.queryForObject("SELECT msg_id FROM probe_receipt WHERE probe_id = ?", String.class, probeId))
                .as("the receipt is the first delivery's").isEqualTo(first.getMsgId());
        assertThat(probes.mqProbeReceipt(probeId)).isEqualTo(receipt);
    }

    @Test
    void a_probe_not_sent_is_not_received_and_a_bad_probe_id_is_an_invalid_argument() {
        assertThat(probes.mqProbeReceipt("it-never-sent").received()).isFalse();
        assertThat(catchThrowableOfType(ApiException.class, () -> probes.mqProbeReceipt("")).errorCode())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(catchThrowableOfType(ApiException.class, () -> probes.mqProbeReceipt("x".repeat(65))).errorCode())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    /** A message as credit-service sends it: KEYS = probe id, JSON body, request id property. */
    private static SendResult send(String probeId) throws Exception {
        byte[] body = JSON.writeValueAsBytes(new MqProbeMessage(probeId, false, System.currentTimeMillis()));
        Message message = new Message(MqProbeMessage.TOPIC, null, probeId, body);
        message.putUserProperty(RequestIds.ATTACHMENT, "it-request");
        SendResult sent = producer.send(message);
        assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        return sent;
    }

    private MqProbeReceipt awaitReceipt(String probeId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> probes.mqProbeReceipt(probeId).received());
        return probes.mqProbeReceipt(probeId);
    }

    private double duplicates() {
        return meters.get("creditsuite.mq.consumed.duplicates").tag("consumer_group", "reconcile-probe").counter().count();
    }

    private int count(String sql, String probeId) {
        return jdbc.queryForObject(sql, Integer.class, probeId);
    }
}
