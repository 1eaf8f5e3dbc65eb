package io.creditsuite.reconcile.bcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.middleware.Middleware;
import io.creditsuite.reconcile.application.discrepancy.CorrectiveVouchers;
import io.creditsuite.reconcile.application.realtime.Counterparts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * reconcile-service on a real broker and database, with the business events put on the wire as credit-service and
 * account-service publish them (docs/events.md). The sources of truth are switches ({@link #LEDGER_SAYS},
 * {@link #CREDIT_SAYS}): the other services are not running. Every IT extending this shares one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(BcpOnTheWire.Switches.class)
abstract class BcpOnTheWire {
    static {
        System.setProperty("rocketmq.client.rebalance.waitInterval", "1000");
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicBoolean VOUCHER_POSTED = new AtomicBoolean();
    static final AtomicReference<Counterparts.Answer> LEDGER_SAYS = new AtomicReference<>(Counterparts.Answer.ABSENT);
    static final AtomicReference<Counterparts.Answer> CREDIT_SAYS = new AtomicReference<>(Counterparts.Answer.ABSENT);
    private static DefaultMQProducer producer;

    @TestConfiguration
    static class Switches {
        @Bean
        @Primary
        CorrectiveVouchers switchableVouchers() {
            return voucher -> VOUCHER_POSTED.get();
        }

        @Bean
        @Primary
        Counterparts switchableCounterparts() {
            return (missing, key, present) -> missing.get(0).startsWith("LEDGER_") ? LEDGER_SAYS.get()
                    : missing.get(0).startsWith("CREDIT_HOLD_") ? CREDIT_SAYS.get() : Counterparts.Answer.NO_SOURCE;
        }
    }

    @DynamicPropertySource
    static void middleware(DynamicPropertyRegistry registry) throws Exception {
        Middleware.shared().springProperties("cs_reconcile", EnumSet.of(Middleware.Component.DATABASE,
                        Middleware.Component.ZOOKEEPER, Middleware.Component.ROCKETMQ))
                .forEach((key, value) -> registry.add(key, () -> value));
        registry.add("credit-suite.bcp.sweep-interval", () -> "1h"); // the test runs the sweeps with its own clock
    }

    @AfterAll
    static synchronized void stopProducer() {
        if (producer != null) {
            producer.shutdown();
            producer = null;
        }
    }

    @Autowired
    protected JdbcTemplate jdbc;

    static Message event(String topic, String tag, String keys, String orderingKey, Map<String, Object> body)
            throws Exception {
        Message m = new Message(topic, tag, keys, JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        m.putUserProperty("schemaVersion", "1");
        m.putUserProperty("orderingKey", orderingKey);
        return m;
    }

    /** Started by the first send of each test class: the shared context outlives one class's producer. */
    static synchronized void send(Message message) throws Exception {
        if (producer == null) {
            producer = new DefaultMQProducer("bcp-it-producer");
            producer.setNamesrvAddr(Middleware.shared().nameServerAddress());
            producer.start();
        }
        producer.send(message, (queues, msg, key) -> queues.get(Math.floorMod(key.hashCode(), queues.size())),
                message.getUserProperty("orderingKey"));
    }

    void awaitPair(String ruleId, String key, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(pairState(ruleId, key)).isEqualTo(state));
    }

    String pairState(String ruleId, String key) {
        List<String> states = jdbc.queryForList("SELECT state FROM bcp_pair WHERE rule_id = ? AND pair_key = ?",
                String.class, ruleId, key);
        return states.isEmpty() ? null : states.get(0);
    }

    String discrepancyState(String ruleId, String fingerprint) {
        List<String> states = jdbc.queryForList("SELECT state FROM bcp_discrepancy WHERE rule_id = ? AND fingerprint = ?",
                String.class, ruleId, fingerprint);
        return states.isEmpty() ? null : states.get(0);
    }
}
