package io.creditsuite.credit.infrastructure.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.probe.BranchPhase;
import io.creditsuite.api.probe.CreditProbeService;
import io.creditsuite.api.probe.MqProbeMessage;
import io.creditsuite.api.probe.MqProbeRequest;
import io.creditsuite.api.probe.MqProbeResult;
import io.creditsuite.api.probe.TccBranchView;
import io.creditsuite.api.probe.TccProbeRequest;
import io.creditsuite.api.probe.TccProbeScenario;
import io.creditsuite.middleware.Middleware;
import io.creditsuite.middleware.spring.MiddlewareInitializer;
import io.creditsuite.support.requestid.RequestIds;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionState;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.ContextConfiguration;

/**
 * credit-service's probes on real middleware (MariaDB, ZooKeeper, RocketMQ, Seata TC). The test
 * consumes the probe topic itself, as reconcile-service would. account-service is not running:
 * the TCC test covers the initiator's own branch and its behaviour without a participant.
 */
// the context configuration of every credit-service IT (see CreditLimitITSupport): one shared Spring context,
// because Seata registers each TCC resource only once per JVM
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = MiddlewareInitializer.class)
@AutoConfigureObservability
class CreditProbesIT {
    static {
        // rebalance every second instead of every 20 s, so the test's consumer gets its queues fast
        System.setProperty("rocketmq.client.rebalance.waitInterval", "1000");
    }

    /** Every probe message the test's consumer got, by KEYS. */
    private static final Map<String, MessageExt> delivered = new ConcurrentHashMap<>();
    private static DefaultMQPushConsumer watcher;

    @Autowired
    CreditProbeService probes;
    @Autowired
    MqProbeTransactionListener transactionListener;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void watchTheProbeTopic() throws Exception {
        watcher = new DefaultMQPushConsumer("credit-it-watcher-" + UUID.randomUUID().toString().substring(0, 8));
        watcher.setNamesrvAddr(Middleware.shared().nameServerAddress());
        watcher.setPollNameServerInterval(1000);
        watcher.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        watcher.subscribe(MqProbeMessage.TOPIC, "*");
        watcher.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> delivered.put(message.getKeys(), message));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        watcher.start();
    }

    @AfterAll
    static void stopWatching() {
        if (watcher != null) {
            watcher.shutdown();
        }
    }

    @Test
    void a_transactional_probe_whose_local_transaction_rolls_back_is_never_delivered() {
        String rolledBack = newProbeId();
        String committed = newProbeId();

        MqProbeResult rollbackResult = probes.publishMqProbe(new MqProbeRequest(rolledBack, true, true));
        MqProbeResult commitResult = probes.publishMqProbe(new MqProbeRequest(committed, true, false));

        assertThat(rollbackResult.localTransactionState()).isEqualTo("ROLLBACK_MESSAGE");
        assertThat(rollbackResult.sendStatus()).as("the half message was stored").isEqualTo("SEND_OK");
        assertThat(commitResult.localTransactionState()).isEqualTo("COMMIT_MESSAGE");
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered.containsKey(committed));
        // the committed probe was sent after the rolled-back one; give the broker a full transaction
        // check-back cycle (3 s timeout + 2 s interval in the test broker) to deliver what it should not. A delivery
        // cannot be undone, so the upper bound only has to leave room for a slow poll on a loaded machine (at 7 s a
        // first poll late by one second failed the test): not delivered through 6 s of the broker's time
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(60))
                .until(() -> !delivered.containsKey(rolledBack));
        assertThat(messageRows(rolledBack)).as("the local transaction rolled back").isZero();
        assertThat(messageRows(committed)).isOne();
    }

    @Test
    void a_normal_probe_is_delivered_with_its_probe_id_as_key_and_a_request_id() {
        String probeId = newProbeId();

        MqProbeResult result = probes.publishMqProbe(new MqProbeRequest(probeId, false, false));

        assertThat(result).isEqualTo(new MqProbeResult(probeId, MqProbeMessage.TOPIC, "SEND_OK", "NONE"));
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered.containsKey(probeId));
        MessageExt message = delivered.get(probeId);
        assertThat(new String(message.getBody())).contains("\"probeId\":\"" + probeId + "\"");
        assertThat(message.getUserProperty(RequestIds.ATTACHMENT)).isNotBlank();
    }

    @Test
    void a_probe_id_is_published_at_most_once_but_a_rolled_back_one_is_still_free() {
        String probeId = newProbeId();
        probes.publishMqProbe(new MqProbeRequest(probeId, true, true));

        probes.publishMqProbe(new MqProbeRequest(probeId, true, false));
        ApiException again = catchThrowableOfType(ApiException.class,
                () -> probes.publishMqProbe(new MqProbeRequest(probeId, false, false)));

        assertThat(again.errorCode()).isEqualTo(ErrorCode.REQUEST_ID_REUSED);
        assertThat(messageRows(probeId)).isOne();
    }

    @Test
    void the_broker_check_back_answers_from_the_local_row() {
        String committed = newProbeId();
        probes.publishMqProbe(new MqProbeRequest(committed, true, false));

        assertThat(checkBack(committed)).isEqualTo(RocketMQLocalTransactionState.COMMIT);
        assertThat(checkBack(newProbeId())).isEqualTo(RocketMQLocalTransactionState.ROLLBACK);
    }

    @Test
    void without_account_service_the_tcc_probe_cancels_its_own_branch_and_says_so_once_and_for_all() {
        String probeId = newProbeId();

        ApiException unavailable = catchThrowableOfType(ApiException.class,
                () -> probes.runTccProbe(new TccProbeRequest(probeId, TccProbeScenario.COMMIT)));

        assertThat(unavailable.errorCode()).isEqualTo(ErrorCode.DOWNSTREAM_UNAVAILABLE);
        await().atMost(Duration.ofSeconds(20)).until(() -> probes.tccBranch(probeId).phase() == BranchPhase.CANCELLED);
        TccBranchView branch = probes.tccBranch(probeId);
        assertThat(branch.fenceStatus()).as("rollbacked").isEqualTo(3);
        assertThat(branch.xid()).isNotBlank();
        ApiException repeated = catchThrowableOfType(ApiException.class,
                () -> probes.runTccProbe(new TccProbeRequest(probeId, TccProbeScenario.COMMIT)));
        assertThat(repeated.errorCode()).isEqualTo(ErrorCode.PROBE_FAILED);
        ApiException otherScenario = catchThrowableOfType(ApiException.class,
                () -> probes.runTccProbe(new TccProbeRequest(probeId, TccProbeScenario.ROLLBACK)));
        assertThat(otherScenario.errorCode()).isEqualTo(ErrorCode.REQUEST_ID_REUSED);
    }

    @Test
    void a_bad_request_is_an_invalid_argument_and_writes_nothing() {
        assertThat(catchThrowableOfType(ApiException.class,
                () -> probes.runTccProbe(new TccProbeRequest(" ", TccProbeScenario.COMMIT))).errorCode())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(catchThrowableOfType(ApiException.class,
                () -> probes.runTccProbe(new TccProbeRequest("x".repeat(65), TccProbeScenario.COMMIT))).errorCode())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(catchThrowableOfType(ApiException.class,
                () -> probes.runTccProbe(new TccProbeRequest(newProbeId(), null))).errorCode())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(catchThrowableOfType(ApiException.class,
                () -> probes.publishMqProbe(new MqProbeRequest("", false, false))).errorCode())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(catchThrowableOfType(ApiException.class,
                () -> probes.publishMqProbe(new MqProbeRequest(newProbeId(), false, true))).errorCode())
                .as("a normal message has no local transaction to roll back")
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tcc_probe_run WHERE probe_id IN (' ', '')", Integer.class))
                .isZero();
    }

    private RocketMQLocalTransactionState checkBack(String probeId) {
        // the message as rocketmq-spring hands it to the listener when the broker checks back
        return transactionListener.checkLocalTransaction(MessageBuilder.withPayload(new byte[0])
                .setHeader(RocketMQHeaders.PREFIX + RocketMQHeaders.KEYS, probeId).build());
    }

    private int messageRows(String probeId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mq_probe_message WHERE probe_id = ?", Integer.class, probeId);
    }

    private static String newProbeId() {
        return "it-" + UUID.randomUUID();
    }
}
