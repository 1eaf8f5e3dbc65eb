package io.creditsuite.middleware;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.store.config.FlushDiskType;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/**
 * A RocketMQ 5.5 broker (master of cluster {@value #CLUSTER}, named {@value #BROKER_NAME}) in this
 * JVM, with a small store suited to tests and a laptop.
 *
 * <p>Ports: clients use {@code port}; the broker also listens on {@code port - 2} (its "fast"
 * channel) and on {@code haPort} (replication). {@link Ports#freeBrokerPort()} picks a port whose
 * {@code port - 2} is free too.
 *
 * <p>Transactional messages are checked back quickly: a half message unresolved after
 * {@value #TRANSACTION_TIMEOUT_MILLIS} ms is checked every {@value #TRANSACTION_CHECK_INTERVAL_MILLIS}
 * ms. {@code transactionOpBatchInterval} is shortened with it, or the broker checks back messages
 * that were already committed or rolled back (verified).
 *
 * <p>The transactional message service is RocketMQ's own with a busy-loop fixed, see
 * {@link IdleSafeTransactionalMessageService}.
 *
 * <p>Stopping takes 10-25 s (RocketMQ waits for its executors); callers that can, stop it in
 * parallel with other components.
 */
public final class RocketMqBroker implements EmbeddedComponent {

    public static final String CLUSTER = "DefaultCluster";
    public static final String BROKER_NAME = "broker-a";
    static final long TRANSACTION_TIMEOUT_MILLIS = 3000;
    static final long TRANSACTION_CHECK_INTERVAL_MILLIS = 2000;
    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(180);

    private final int port;
    private final int haPort;
    private final BrokerController controller;

    private RocketMqBroker(int port, int haPort, BrokerController controller) {
        this.port = port;
        this.haPort = haPort;
        this.controller = controller;
    }

    /**
     * Starts a broker on {@code port} (and {@code port - 2}, {@code haPort}) registering with
     * {@code nameServerAddress}; returns once the name server lists it, i.e. producers can send.
     */
    public static RocketMqBroker start(int port, int haPort, String nameServerAddress, Path dir) {
        Ports.requireValid(port, "RocketMQ broker port");
        Ports.requireValid(port - 2, "RocketMQ broker port - 2 (its fast channel)");
        Ports.requireValid(haPort, "RocketMQ broker HA port");
        if (haPort == port || haPort == port - 2) {
            throw new IllegalArgumentException("broker HA port " + haPort + " collides with " + port + " or " + (port - 2));
        }
        Path home = dir.toAbsolutePath();
        RocketMqSupport.prepareJvm(home.resolve("logs"));
        BrokerController controller = null;
        try {
            Path store = home.resolve("store");
            Files.createDirectories(store);
            controller = new BrokerController(brokerConfig(nameServerAddress, home), serverConfig(port),
                    new NettyClientConfig(), storeConfig(store, haPort));
            if (!controller.initialize()) {
                throw new IllegalStateException("BrokerController.initialize() returned false");
            }
            IdleSafeTransactionalMessageService.install(controller);
            controller.start();
        } catch (Exception e) {
            if (controller != null) {
                controller.shutdown();
            }
            throw new ComponentStartException("rocketmq-broker", "did not start on port " + port + ": " + e, e);
        }
        RocketMqBroker broker = new RocketMqBroker(port, haPort, controller);
        try {
            awaitRegistration(nameServerAddress);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    private static void awaitRegistration(String nameServerAddress) {
        Readiness.await("rocketmq-broker", Readiness.brokerRegistered(nameServerAddress, BROKER_NAME),
                REGISTRATION_TIMEOUT);
    }

    static BrokerConfig brokerConfig(String nameServerAddress, Path home) {
        BrokerConfig config = new BrokerConfig();
        config.setRocketmqHome(home.toString());
        config.setBrokerClusterName(CLUSTER);
        config.setBrokerName(BROKER_NAME);
        config.setBrokerId(0);
        config.setBrokerIP1(Ports.LOOPBACK);
        // the HA address; RocketMQ defaults it to the first non-loopback interface
        config.setBrokerIP2(Ports.LOOPBACK);
        config.setNamesrvAddr(nameServerAddress);
        config.setAutoCreateTopicEnable(true);
        config.setAutoCreateSubscriptionGroup(true);
        config.setTransactionTimeOut(TRANSACTION_TIMEOUT_MILLIS);
        config.setTransactionCheckInterval(TRANSACTION_CHECK_INTERVAL_MILLIS);
        config.setTransactionOpBatchInterval(500);
        return config;
    }

    static NettyServerConfig serverConfig(int port) {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress(Ports.LOOPBACK);
        config.setListenPort(port);
        return config;
    }

    static MessageStoreConfig storeConfig(Path store, int haPort) {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(store.toString());
        config.setStorePathCommitLog(store.resolve("commitlog").toString());
        config.setHaListenPort(haPort);
        // small files: the defaults (1 GB commit log segments) suit a server, not a test
        config.setMappedFileSizeCommitLog(32 * 1024 * 1024);
        config.setMappedFileSizeConsumeQueue(600_000);
        config.setMaxIndexNum(10_000);
        config.setMaxHashSlotNum(40_000);
        config.setFlushDiskType(FlushDiskType.ASYNC_FLUSH);
        // no timer (arbitrary delay) messages: the suite uses none, and the timer wheel's flush
        // thread forces its 37 MB file every second, ~25 % of a core on an idle broker (measured
        // by the devstack). Delay levels (consumer retries) still work through the schedule topic.
        config.setTimerWheelEnable(false);
        // a developer disk that is 75-90 % full must not make the broker refuse messages
        config.setDiskMaxUsedSpaceRatio(95);
        config.setDiskSpaceWarningLevelRatio(98);
        config.setDiskSpaceCleanForciblyRatio(97);
        return config;
    }

    /**
     * Creates {@code topic} (4 read and write queues, like auto-creation) and registers it at the
     * name server before returning. Why bother when topics are auto-created on first send: a
     * consumer that subscribes before the topic exists learns its route only at its next name
     * server poll, up to 30 s later (measured: 30 s for a listener started before the first send).
     */
    public void createTopic(String topic) {
        if (controller.getTopicConfigManager().selectTopicConfig(topic) != null) {
            return;
        }
        TopicConfig config = new TopicConfig(topic, 4, 4, PermName.PERM_READ | PermName.PERM_WRITE);
        controller.getTopicConfigManager().updateTopicConfig(config);
        controller.registerBrokerAll(true, false, true);
    }

    /** {@code 127.0.0.1:port}. */
    public String address() {
        return Ports.LOOPBACK + ":" + port;
    }

    public int haPort() {
        return haPort;
    }

    @Override
    public String name() {
        return "rocketmq-broker";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() {
        controller.shutdown();
    }
}
