package io.creditsuite.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.middleware.Middleware.Component;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The shared middleware, started for real, used the way the services will use it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MiddlewareIT {

    private static Middleware middleware;
    private static Duration startAll;

    @BeforeAll
    static void start_everything_once() {
        long began = System.nanoTime();
        middleware = Middleware.shared().start();
        startAll = Duration.ofNanos(System.nanoTime() - began);
        System.out.println("[middleware] all components up in " + startAll.toMillis() + " ms");
        middleware.startupTimes().forEach((name, took) ->
                System.out.println("[middleware]   " + name + ": " + took.toMillis() + " ms"));
        System.out.println("[middleware] working directory " + middleware.workDir());
    }

    @Test
    @Order(1)
    void the_database_is_created_with_the_suite_charset_and_answers_queries() throws Exception {
        String url = middleware.jdbcUrl("middleware_it");
        assertThat(url).startsWith("jdbc:mysql://127.0.0.1:").contains("/middleware_it");
        try (Connection connection = DriverManager.getConnection(url, middleware.dbUser(), middleware.dbPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS probe (id BIGINT PRIMARY KEY, note VARCHAR(20))");
            statement.execute("REPLACE INTO probe VALUES (1, '授信额度')");
            try (ResultSet result = statement.executeQuery(
                    "SELECT note, @@character_set_database, @@collation_database FROM probe WHERE id = 1")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("授信额度");
                assertThat(result.getString(2)).isEqualTo("utf8mb4");
                assertThat(result.getString(3)).isEqualTo("utf8mb4_unicode_ci");
            }
        }
        // asking again is idempotent and gives the same URL
        assertThat(middleware.jdbcUrl("middleware_it")).isEqualTo(url);
    }

    @Test
    @Order(2)
    void zookeeper_accepts_a_client_session_and_stores_a_znode() throws Exception {
        assertThat(middleware.zookeeperAddress()).isEqualTo("zookeeper://" + middleware.zookeeperConnectString());
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper client = new ZooKeeper(middleware.zookeeperConnectString(), 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        try {
            assertThat(connected.await(20, TimeUnit.SECONDS)).as("ZooKeeper session").isTrue();
            String path = client.create("/middleware-it-", "hello".getBytes(StandardCharsets.UTF_8),
                    ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);
            assertThat(new String(client.getData(path, false, null), StandardCharsets.UTF_8)).isEqualTo("hello");
        } finally {
            client.close();
        }
    }

    @Test
    @Order(3)
    void a_rocketmq_message_is_sent_and_consumed() throws Exception {
        String nameServer = middleware.nameServerAddress();
        String topic = "MiddlewareIT";
        BlockingQueue<String> received = new ArrayBlockingQueue<>(10);
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("middleware-it-consumer");
        consumer.setNamesrvAddr(nameServer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> received.add(new String(message.getBody(), StandardCharsets.UTF_8)
                    + "|" + message.getKeys()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        DefaultMQProducer producer = new DefaultMQProducer("middleware-it-producer");
        producer.setNamesrvAddr(nameServer);
        long began = System.nanoTime();
        try {
            producer.start();
            Message message = new Message(topic, "probe", "credit-line-42", "frozen".getBytes(StandardCharsets.UTF_8));
            SendResult sent = producer.send(message, 10_000);
            assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            consumer.start();
            String got = received.poll(60, TimeUnit.SECONDS);
            System.out.println("[middleware] RocketMQ send -> consume round trip: "
                    + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms");
            assertThat(got).isEqualTo("frozen|credit-line-42");
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }

    @Test
    @Order(4)
    void transactional_messages_commit_directly_or_after_a_quick_check_back_and_leave_the_broker_idle()
            throws Exception {
        String nameServer = middleware.nameServerAddress();
        String topic = "MiddlewareTxIT";
        middleware.createTopics(topic); // the listener below starts before the first send
        BlockingQueue<String> received = new ArrayBlockingQueue<>(10);
        BlockingQueue<String> checkedBack = new ArrayBlockingQueue<>(10);
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("middleware-it-tx-consumer");
        consumer.setNamesrvAddr(nameServer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> received.add(message.getKeys()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        TransactionMQProducer producer = new TransactionMQProducer("middleware-it-tx-producer");
        producer.setNamesrvAddr(nameServer);
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                // "unknown" makes the broker ask back later, like a producer that crashed mid-way
                return "commit-now".equals(message.getKeys()) ? LocalTransactionState.COMMIT_MESSAGE
                        : LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                checkedBack.add(message.getKeys());
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        long began = System.nanoTime();
        try {
            producer.start();
            consumer.start();
            for (String key : List.of("commit-now", "check-me")) {
                SendResult sent = producer.sendMessageInTransaction(
                        new Message(topic, "tx", key, key.getBytes(StandardCharsets.UTF_8)), null);
                assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }
            List<String> keys = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String key = received.poll(60, TimeUnit.SECONDS);
                assertThat(key).as("transactional message %d delivered", i + 1).isNotNull();
                keys.add(key);
            }
            System.out.println("[middleware] transactional messages delivered (one via check-back) in "
                    + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms");
            assertThat(keys).containsExactlyInAnyOrder("commit-now", "check-me");
            assertThat(checkedBack).contains("check-me").doesNotContain("commit-now");
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
        // RocketMQ 5.5.0 would now busy-loop in TransactionalOpBatchService (see IdleSafeTransactionalMessageService)
        Thread.sleep(1500);
        long cpuMillis = threadCpuMillis("TransactionalOpBatchService", Duration.ofSeconds(3));
        System.out.println("[middleware] TransactionalOpBatchService CPU over 3 s after transactions: " + cpuMillis + " ms");
        assertThat(cpuMillis).isLessThan(300);
    }

    /** CPU time that threads named {@code name} use during {@code window}. */
    private static long threadCpuMillis(String name, Duration window) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> before = new java.util.HashMap<>();
        Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(name))
                .forEach(thread -> before.put(thread.getId(), threads.getThreadCpuTime(thread.getId())));
        assertThat(before).as("threads named " + name).isNotEmpty();
        Thread.sleep(window.toMillis());
        long nanos = 0;
        for (Map.Entry<Long, Long> entry : before.entrySet()) {
            nanos += threads.getThreadCpuTime(entry.getKey()) - entry.getValue();
        }
        return nanos / 1_000_000;
    }

    @Test
    @Order(5)
    void the_seata_tc_accepts_connections_in_its_own_jvm() {
        String address = middleware.seataTcAddress();
        int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
        assertThat(Ports.isOpen(Ports.LOOPBACK, port, 2000)).isTrue();
        LaunchedProcess tc = middleware.seataTcProcess();
        assertThat(tc.isAlive()).isTrue();
        assertThat(tc.pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(String.join("\n", tc.tail(50))).contains("seata server started");
    }

    @Test
    @Order(6)
    void spring_properties_point_a_service_at_all_of_it() {
        Map<String, String> properties = middleware.springProperties("credit");
        assertThat(properties).containsEntry("spring.datasource.url", middleware.jdbcUrl("credit"))
                .containsEntry("spring.datasource.username", middleware.dbUser())
                .containsEntry("dubbo.registry.address", middleware.zookeeperAddress())
                .containsEntry("dubbo.config-center.address", middleware.zookeeperAddress())
                .containsEntry("rocketmq.name-server", middleware.nameServerAddress())
                .containsEntry("seata.service.vgroup-mapping.credit-suite", "default")
                .containsEntry("seata.service.grouplist.default", middleware.seataTcAddress());
        int dubboPort = Integer.parseInt(properties.get("dubbo.protocol.port"));
        assertThat(DevstackDefaultPorts.contains(dubboPort)).as("a free Dubbo port, never a devstack one").isFalse();
        assertThat(middleware.springProperties("credit", java.util.EnumSet.of(Component.DATABASE)).keySet())
                .containsExactlyInAnyOrderElementsOf(List.of(
                        "spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                        "dubbo.protocol.port", "credit-suite.mq.at-start"));
    }
}
