package io.creditsuite.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.creditsuite.middleware.Middleware;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.creditsuite.support.mq.ConsumeOnce;
import io.creditsuite.support.mq.ConsumedMessages;
import io.creditsuite.support.mq.RocketMqTopics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox end to end on the real MariaDB and RocketMQ (deploy/middleware): appended in the fact's transaction,
 * relayed orderly with KEYS and tag, consumed by an orderly consumer that dedupes with {@link ConsumeOnce} in the
 * transaction of its effect (a row of {@code it_effect}).
 */
class OutboxRelayIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String TOPIC = "CS_OUTBOX_IT_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String GROUP = "outbox-it-" + UUID.randomUUID().toString().substring(0, 8);

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;
    private static DefaultMQProducer producer;
    private static DefaultMQPushConsumer consumer;
    /** Every delivery, repeats included. */
    private static final List<MessageExt> deliveries = new CopyOnWriteArrayList<>();

    private final JdbcOutbox outbox = new JdbcOutbox(jdbc, Clock.systemUTC());

    @BeforeAll
    static void start() throws Exception {
        Middleware middleware = Middleware.shared();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(middleware.jdbcUrl("cs_outbox_it"));
        dataSource.setUsername(middleware.dbUser());
        dataSource.setPassword(middleware.dbPassword());
        dataSource.setMaximumPoolSize(4);
        dataSource.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/common").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE IF NOT EXISTS it_effect (dedupe_key VARCHAR(128) NOT NULL, ordering_key VARCHAR(64)"
                + " NOT NULL, seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY)");
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        transaction = new TransactionTemplate(transactions);

        String nameServer = middleware.nameServerAddress();
        try (RocketMqTopics topics = new RocketMqTopics(nameServer, DEADLINE)) {
            topics.create(List.of(TOPIC), List.of(GROUP), 4, DEADLINE);
        }
        producer = new DefaultMQProducer("outbox-it-producer-" + UUID.randomUUID());
        producer.setNamesrvAddr(nameServer);
        producer.setInstanceName("outbox-it-" + UUID.randomUUID());
        producer.start();

        ConsumeOnce once = new ConsumeOnce(new ConsumedMessages(jdbc, transactions, Clock.systemUTC()), transactions,
                GROUP);
        consumer = new DefaultMQPushConsumer(GROUP);
        consumer.setNamesrvAddr(nameServer);
        consumer.setInstanceName("outbox-it-consumer-" + UUID.randomUUID());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerOrderly) (messages, context) -> {
            for (MessageExt m : messages) {
                deliveries.add(m);
                once.apply(m, applied -> jdbc.update("INSERT INTO it_effect (dedupe_key, ordering_key) VALUES (?, ?)",
                        ConsumeOnce.dedupeKey(applied), applied.getUserProperty(RocketMqOutboxSender.ORDERING_KEY)));
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
    }

    @AfterAll
    static void stop() {
        if (consumer != null) {
            consumer.shutdown();
        }
        if (producer != null) {
            producer.shutdown();
        }
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @BeforeEach
    void emptyTheOutbox() {
        // rows left by an earlier test are not this test's: mark them sent so no relay here sends them
        jdbc.update("UPDATE outbox_event SET sent_at = CURRENT_TIMESTAMP(3) WHERE sent_at IS NULL");
    }

    @Test
    void an_event_of_a_rolled_back_transaction_is_never_sent_and_a_committed_one_is_sent_once_with_keys_and_tag() {
        String customer = "C-" + UUID.randomUUID();
        String rolledBack = "RB-" + UUID.randomUUID();
        String committed = "OK-" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            outbox.append(event("IT_FACT", rolledBack, customer));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> outbox.append(event("IT_FACT", committed, customer)));

        int sent = relay(realSender()).drain();

        assertThat(sent).isEqualTo(1);
        await(() -> deliveriesOf("IT_FACT:" + committed).size() == 1, "the committed event arrives");
        // a later event of the same customer, in the same queue: once it is consumed, an earlier one would have been
        String later = "LATER-" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> outbox.append(event("IT_FACT", later, customer)));
        relay(realSender()).drain();
        await(() -> deliveriesOf("IT_FACT:" + later).size() == 1, "the later event arrives");

        assertThat(deliveriesOf("IT_FACT:" + rolledBack)).isEmpty();
        MessageExt message = deliveriesOf("IT_FACT:" + committed).get(0);
        assertThat(message.getKeys()).isEqualTo(committed);
        assertThat(message.getTags()).isEqualTo("IT_FACT");
        assertThat(message.getUserProperty(RocketMqOutboxSender.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(message.getUserProperty(RocketMqOutboxSender.TRACE_ID)).isEqualTo("trace-" + committed);
        assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"" + committed + "\"}");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE business_key = ?", Long.class,
                rolledBack)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE business_key = ? AND sent_at IS NOT NULL",
                Long.class, committed)).isOne();
    }

    @Test
    void an_append_outside_a_transaction_is_refused_and_writes_nothing() {
        String key = "NOTX-" + UUID.randomUUID();

        Throwable refused = catchThrowable(() -> outbox.append(event("IT_FACT", key, "C-1")));

        assertThat(refused).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE business_key = ?", Long.class, key))
                .isZero();
    }

    @Test
    void events_of_one_ordering_key_reach_an_orderly_consumer_in_the_order_appended() {
        List<String> customers = List.of("A-" + UUID.randomUUID(), "B-" + UUID.randomUUID(), "C-" + UUID.randomUUID());
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 30; i++) {
            String key = run + "-" + String.format("%02d", i);
            String customer = customers.get(i % 3);
            transaction.executeWithoutResult(status -> outbox.append(event("IT_SEQ", key, customer)));
        }

        // small batches: several rounds, as under load
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = new OutboxRelay(jdbc, realSender(), Clock.systemUTC(), 7, "it", meters);
        assertThat(relay.drain()).isEqualTo(30);
        assertThat(meters.get("outbox.sent").counter().count()).isEqualTo(30);
        assertThat(meters.get("outbox.backlog").gauge().value()).isZero();

        await(() -> effectsOfRun(run).size() == 30, "all 30 effects applied");
        Map<String, List<String>> perCustomer = effectsOfRun(run).stream().collect(Collectors.groupingBy(
                e -> e.get(1), Collectors.mapping(e -> e.get(0), Collectors.toList())));
        assertThat(perCustomer).hasSize(3);
        perCustomer.values().forEach(keys -> assertThat(keys).hasSize(10).isSorted());
    }

    @Test
    void a_relay_that_crashes_between_send_and_mark_sends_again_and_the_consumer_applies_the_effect_once() {
        String key = "CRASH-" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> outbox.append(event("IT_FACT", key, "C-crash")));
        OutboxSender sendThenCrash = row -> {
            realSender().send(row);
            throw new SimulatedCrash(); // an Error: past the relay's handling of failed sends, like a kill
        };

        assertThat(catchThrowable(() -> relay(sendThenCrash).sendOnce())).isInstanceOf(SimulatedCrash.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE business_key = ? AND sent_at IS NULL",
                Long.class, key)).as("the mark rolled back with the crash").isOne();
        assertThat(relay(realSender()).drain()).isEqualTo(1);

        await(() -> deliveriesOf("IT_FACT:" + key).size() == 2, "two deliveries of the event");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM it_effect WHERE dedupe_key = ?", Long.class,
                "IT_FACT:" + key)).as("effects applied").isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mq_consumed WHERE consumer_group = ? AND business_key = ?",
                Long.class, GROUP, "IT_FACT:" + key)).isOne();
    }

    @Test
    void while_another_instance_holds_the_lease_a_relay_sends_nothing() {
        String key = "LEASE-" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> outbox.append(event("IT_FACT", key, "C-lease")));
        List<OutboxRow> sent = new CopyOnWriteArrayList<>();

        OutboxRelay.Round round = transaction.execute(status -> {
            jdbc.queryForList("SELECT name FROM outbox_relay_lease WHERE name = ? FOR UPDATE", String.class,
                    OutboxRelay.LEASE);
            // another thread and connection: the relay's own transaction
            return runElsewhere(() -> relay(sent::add).sendOnce());
        });

        assertThat(round.leaseTaken()).isFalse();
        assertThat(sent).isEmpty();
        assertThat(relay(sent::add).drain()).as("once the lease is free").isEqualTo(1);
        assertThat(sent).extracting(OutboxRow::businessKey).containsExactly(key);
    }

    @Test
    void a_failed_send_holds_back_the_later_events_of_its_key_only_and_is_retried() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        transaction.executeWithoutResult(status -> {
            outbox.append(event("IT_FACT", run + "-x1", "X-" + run));
            outbox.append(event("IT_FACT", run + "-y1", "Y-" + run));
            outbox.append(event("IT_FACT", run + "-x2", "X-" + run));
        });
        List<String> sent = new CopyOnWriteArrayList<>();
        Map<String, Integer> tries = new ConcurrentHashMap<>();
        OutboxSender failsX1Once = row -> {
            if (tries.merge(row.businessKey(), 1, Integer::sum) == 1 && row.businessKey().endsWith("-x1")) {
                throw new IllegalStateException("broker busy");
            }
            sent.add(row.businessKey());
        };

        OutboxRelay.Round first = relay(failsX1Once).sendOnce();

        assertThat(first).isEqualTo(new OutboxRelay.Round(true, 1, 1));
        assertThat(sent).containsExactly(run + "-y1");
        assertThat(jdbc.queryForMap("SELECT attempts, last_error FROM outbox_event WHERE business_key = ?", run + "-x1"))
                .containsEntry("attempts", 1).containsEntry("last_error", "broker busy");

        relay(failsX1Once).sendOnce();
        assertThat(sent).containsExactly(run + "-y1", run + "-x1", run + "-x2");
    }

    @Test
    void a_broker_that_refuses_everything_ends_the_round_after_a_few_failures_instead_of_one_timeout_per_row() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 5; i++) {
                outbox.append(event("IT_FACT", run + "-" + i, "K" + i + "-" + run));
            }
        });

        OutboxRelay.Round round = relay(row -> {
            throw new IllegalStateException("no route");
        }).sendOnce();

        assertThat(round).isEqualTo(new OutboxRelay.Round(true, 0, OutboxRelay.FAILURES_PER_ROUND));
        assertThat(jdbc.queryForList("SELECT attempts FROM outbox_event WHERE business_key LIKE ? ORDER BY id",
                Integer.class, run + "-%")).containsExactly(1, 1, 1, 0, 0);
    }

    @Test
    void sent_events_older_than_the_retention_are_purged_and_unsent_ones_kept() {
        String old = "OLD-" + UUID.randomUUID();
        String unsent = "UNSENT-" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> outbox.append(event("IT_FACT", old, "C-p")));
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
        new OutboxRelay(jdbc, row -> { }, Clock.fixed(tenDaysAgo, ZoneOffset.UTC), 100, "it", new SimpleMeterRegistry()).drain();
        transaction.executeWithoutResult(status -> outbox.append(event("IT_FACT", unsent, "C-p")));

        int purged = relay(row -> { }).purgeSentBefore(Duration.ofDays(7), 1000);

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE business_key IN (?, ?)", Long.class,
                old, unsent)).isOne();
    }

    private static OutboxRelay.Round runElsewhere(java.util.concurrent.Callable<OutboxRelay.Round> task) {
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            return other.submit(task).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            other.shutdownNow();
        }
    }

    private static final class SimulatedCrash extends Error {
    }

    private static OutboxRelay relay(OutboxSender sender) {
        return new OutboxRelay(jdbc, sender, Clock.systemUTC(), 100, "it", new SimpleMeterRegistry());
    }

    private static OutboxSender realSender() {
        return new RocketMqOutboxSender(producer, 10_000);
    }

    private static OutboxMessage event(String type, String key, String customer) {
        return new OutboxMessage(TOPIC, type, 1, key, customer, "{\"id\":\"" + key + "\"}", "trace-" + key);
    }

    private static List<MessageExt> deliveriesOf(String dedupeKey) {
        return deliveries.stream().filter(m -> ConsumeOnce.dedupeKey(m).equals(dedupeKey)).toList();
    }

    /** (business key, ordering key) of the applied effects of one run, in the order applied. */
    private static List<List<String>> effectsOfRun(String run) {
        return jdbc.query("SELECT dedupe_key, ordering_key FROM it_effect WHERE dedupe_key LIKE ? ORDER BY seq",
                (rs, i) -> List.of(rs.getString(1).substring("IT_SEQ:".length()), rs.getString(2)),
                "IT_SEQ:" + run + "-%");
    }

    private static void await(BooleanSupplier condition, String what) {
        long until = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            try {
                Thread.sleep(50); // a poll with a deadline, not a wait for time to pass
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
