package io.creditsuite.middleware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real middleware for integration tests, started once per test JVM: MariaDB (or an external
 * server), ZooKeeper, a RocketMQ name server and broker in this JVM, and a Seata TC in a child JVM.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>each component starts at most once per JVM, on first use, on free random ports, so a
 *       running devstack is never disturbed; a test needing only the database waits only for it;</li>
 *   <li>components asked for together start one after the other, cheapest first (database,
 *       ZooKeeper, RocketMQ, Seata TC): on 2 cores that was faster than starting them in parallel
 *       in every measurement (e.g. 11.6 s against 19-43 s for all five), because the TC's JVM
 *       boot and the in-process starts then fight over the CPU and its JIT;</li>
 *   <li>a component that failed to start fails every later caller the same way (no retry storm);</li>
 *   <li>at JVM exit everything stops: Seata TC first, then broker, name server, ZooKeeper, database.</li>
 * </ul>
 *
 * <p>Working directory: {@code -Dcreditsuite.middleware.dir}, else
 * {@code target/middleware/<time>-<pid>} under the current directory when it has a
 * {@code target} folder (Maven modules), else a temp directory. Logs stay there after the run;
 * the bulky data (database files, message store) is deleted on a clean stop.
 */
public final class Middleware {

    /** What a test can ask for. */
    public enum Component { DATABASE, ZOOKEEPER, ROCKETMQ, SEATA }

    public static final String DIR_PROPERTY = "creditsuite.middleware.dir";
    /** The Seata transaction service group the services use; mapped to TC cluster {@code default}. */
    public static final String SEATA_TX_SERVICE_GROUP = "credit-suite";
    public static final String SEATA_CLUSTER = "default";

    private static final Logger log = LoggerFactory.getLogger(Middleware.class);
    // generous on purpose: a healthy 2-core machine starts the TC in 10-20 s, but on a CPU-starved CI host (seen:
    // unit tests 35x slower than usual) its JVM had not written its first log line after 90 s. A timeout only
    // decides how long a broken start takes to be reported.
    private static final Duration SEATA_START_TIMEOUT = Duration.ofSeconds(300);
    private static volatile Middleware shared;

    private final Path workDir;
    private final ExecutorService starter;
    private final Map<Component, CompletableFuture<Void>> starts = new EnumMap<>(Component.class);
    private final Map<String, Duration> startupTimes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> createdDatabases = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    private volatile Database database;
    private volatile MariaDbServer mariaDb;
    private volatile EmbeddedZooKeeper zooKeeper;
    private volatile RocketMqNameServer nameServer;
    private volatile RocketMqBroker broker;
    private volatile LaunchedProcess seataTc;
    private volatile int seataPort;

    private Middleware(Path workDir) {
        this.workDir = workDir;
        this.starter = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "middleware-start");
            thread.setDaemon(true);
            return thread;
        });
        // before any RocketMQ class loads, in this JVM, whether or not RocketMQ is started here
        RocketMqSupport.prepareJvm(workDir.resolve("rocketmq").resolve("logs"));
    }

    /** The instance for this JVM; nothing starts until a component is asked for. */
    public static Middleware shared() {
        Middleware instance = shared;
        if (instance == null) {
            synchronized (Middleware.class) {
                instance = shared;
                if (instance == null) {
                    instance = new Middleware(chooseWorkDir());
                    Middleware stopping = instance;
                    Runtime.getRuntime().addShutdownHook(new Thread(stopping::stop, "middleware-stop"));
                    log.info("middleware working directory: {}", instance.workDir);
                    shared = instance;
                }
            }
        }
        return instance;
    }

    /**
     * Starts the given components (all when none are given), in {@link Component} order, and waits
     * for them.
     *
     * @throws ComponentStartException naming the first component that failed, with its log's end
     */
    public Middleware start(Component... components) {
        Set<Component> wanted = components.length == 0 ? EnumSet.allOf(Component.class)
                : EnumSet.copyOf(List.of(components));
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (Component component : wanted) {
            futures.add(startAsync(component));
        }
        for (CompletableFuture<Void> future : futures) {
            try {
                future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw e;
            }
        }
        return this;
    }

    // ---- database ----

    /** The database server (embedded MariaDB, or the external one if configured). */
    public Database database() {
        start(Component.DATABASE);
        return database;
    }

    /** JDBC URL of {@code database}, created first if absent (utf8mb4, utf8mb4_unicode_ci). */
    public String jdbcUrl(String database) {
        Database server = database();
        if (createdDatabases.add(database)) {
            try {
                server.createDatabase(database);
            } catch (RuntimeException e) {
                createdDatabases.remove(database);
                throw e;
            }
        }
        return server.jdbcUrl(database);
    }

    public String dbUser() {
        return database().user();
    }

    public String dbPassword() {
        return database().password();
    }

    // ---- ZooKeeper ----

    /** The Dubbo form, {@code zookeeper://127.0.0.1:PORT}. */
    public String zookeeperAddress() {
        return "zookeeper://" + zookeeperConnectString();
    }

    /** The plain form ZooKeeper and Curator clients take, {@code 127.0.0.1:PORT}. */
    public String zookeeperConnectString() {
        start(Component.ZOOKEEPER);
        return zooKeeper.connectString();
    }

    // ---- RocketMQ ----

    /** {@code 127.0.0.1:PORT} of the name server; the broker is registered when this returns. */
    public String nameServerAddress() {
        start(Component.ROCKETMQ);
        return nameServer.address();
    }

    /**
     * Creates topics ahead of their first message, so listeners started before any producer sends
     * get their routes at once instead of after up to 30 s (see {@link RocketMqBroker#createTopic}).
     */
    public void createTopics(String... topics) {
        start(Component.ROCKETMQ);
        for (String topic : topics) {
            broker.createTopic(topic);
        }
    }

    // ---- Seata ----

    /** {@code 127.0.0.1:PORT} of the TC, for {@code seata.service.grouplist.default}. */
    public String seataTcAddress() {
        start(Component.SEATA);
        return Ports.LOOPBACK + ":" + seataPort;
    }

    // ---- Spring ----

    /** {@link #springProperties(String, Set)} for all components. */
    public Map<String, String> springProperties(String database) {
        return springProperties(database, EnumSet.allOf(Component.class));
    }

    /**
     * The Spring Boot properties that point a service at this middleware, starting the given
     * components first. Keys:
     * <ul>
     *   <li>DATABASE: {@code spring.datasource.url}, {@code .username}, {@code .password};</li>
     *   <li>ZOOKEEPER: {@code dubbo.registry.address}, {@code dubbo.config-center.address},
     *       {@code dubbo.metadata-report.address} (all {@code zookeeper://127.0.0.1:PORT});</li>
     *   <li>ROCKETMQ: {@code rocketmq.name-server}; without it {@code credit-suite.mq.at-start=SKIP}
     *       (a service then does not create its topics at start);</li>
     *   <li>SEATA: {@code seata.registry.type=file}, {@code seata.config.type=file},
     *       {@code seata.service.vgroup-mapping.credit-suite=default},
     *       {@code seata.service.grouplist.default=127.0.0.1:PORT};</li>
     *   <li>always: {@code dubbo.protocol.port}, a free port (a new one per call). A service's
     *       application.yml names its devstack port (e.g. 20884), and Dubbo's "-1" falls back to
     *       20880 when it is free: either collides with a running devstack.</li>
     * </ul>
     */
    public Map<String, String> springProperties(String database, Set<Component> components) {
        start(components.toArray(Component[]::new));
        Map<String, String> properties = new LinkedHashMap<>();
        if (components.contains(Component.DATABASE)) {
            properties.put("spring.datasource.url", jdbcUrl(database));
            properties.put("spring.datasource.username", dbUser());
            properties.put("spring.datasource.password", dbPassword());
        }
        if (components.contains(Component.ZOOKEEPER)) {
            String zk = zookeeperAddress();
            properties.put("dubbo.registry.address", zk);
            properties.put("dubbo.config-center.address", zk);
            properties.put("dubbo.metadata-report.address", zk);
        }
        if (components.contains(Component.ROCKETMQ)) {
            properties.put("rocketmq.name-server", nameServerAddress());
        } else {
            // no broker for this context: the service must not look for its topics (at the default
            // 127.0.0.1:9876 it would find a running devstack's name server)
            properties.put("credit-suite.mq.at-start", "SKIP");
        }
        if (components.contains(Component.SEATA)) {
            properties.put("seata.registry.type", "file");
            properties.put("seata.config.type", "file");
            properties.put("seata.service.vgroup-mapping." + SEATA_TX_SERVICE_GROUP, SEATA_CLUSTER);
            properties.put("seata.service.grouplist." + SEATA_CLUSTER, seataTcAddress());
        }
        properties.put("dubbo.protocol.port", String.valueOf(Ports.freePort()));
        return properties;
    }

    // ---- introspection ----

    public Path workDir() {
        return workDir;
    }

    /** How long each component took to start, in start order (e.g. {@code mariadb -> PT2.1S}). */
    public Map<String, Duration> startupTimes() {
        synchronized (startupTimes) {
            return Map.copyOf(startupTimes);
        }
    }

    /** The Seata TC child process, once started (its log, pid). */
    public LaunchedProcess seataTcProcess() {
        start(Component.SEATA);
        return seataTc;
    }

    // ---- start and stop ----

    private synchronized CompletableFuture<Void> startAsync(Component component) {
        if (stopped) {
            throw new IllegalStateException("middleware already stopped (JVM shutting down)");
        }
        return starts.computeIfAbsent(component, c -> CompletableFuture.runAsync(() -> {
            switch (c) {
                case DATABASE -> startDatabase();
                case ZOOKEEPER -> timed("zookeeper", () -> zooKeeper =
                        EmbeddedZooKeeper.start(Ports.freePort(), dir("zookeeper")));
                case ROCKETMQ -> {
                    timed("rocketmq-namesrv", () -> nameServer =
                            RocketMqNameServer.start(Ports.freePort(), dir("rocketmq/namesrv")));
                    timed("rocketmq-broker", () -> broker = RocketMqBroker.start(Ports.freeBrokerPort(),
                            Ports.freePort(), nameServer.address(), dir("rocketmq/broker")));
                }
                case SEATA -> startSeata();
            }
        }, starter));
    }

    private void startDatabase() {
        ExternalDatabase external = ExternalDatabase.configured().orElse(null);
        if (external != null) {
            timed("database (external)", () -> {
                try {
                    if (!Readiness.jdbc(external.serverUrl(), external.user(), external.password()).isReady()) {
                        throw new IllegalStateException("SELECT 1 returned no row");
                    }
                } catch (Exception e) {
                    throw new ComponentStartException("database", "external server " + external.serverUrl()
                            + " (from " + ExternalDatabase.URL_PROPERTY + ") is not usable: " + e, e);
                }
                database = external;
            });
        } else {
            timed("mariadb", () -> {
                mariaDb = MariaDbServer.start(Ports.freePort(), dir("mariadb"));
                database = mariaDb;
            });
        }
    }

    private void startSeata() {
        timed("seata-tc", () -> {
            int port = Ports.freePort();
            seataTc = SeataTc.start(port, Ports.freePort(), dir("seata-tc"), true, SEATA_START_TIMEOUT);
            seataPort = port;
        });
    }

    private void timed(String name, Runnable start) {
        long began = System.nanoTime();
        start.run();
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        startupTimes.put(name, took);
        log.info("{} started in {} ms", name, took.toMillis());
    }

    /**
     * Stops everything that was started: the Seata TC first (its own JVM), then broker and name
     * server, and ZooKeeper and database. The broker takes 10-25 s to stop, and nothing else
     * depends on it, so the two chains run in parallel. Runs from the shutdown hook; idempotent.
     */
    public void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        long began = System.nanoTime();
        if (seataTc != null) {
            long tcBegan = System.nanoTime();
            seataTc.stop(Duration.ofSeconds(15));
            log.info("seata-tc stopped in {} ms", Duration.ofNanos(System.nanoTime() - tcBegan).toMillis());
        }
        CompletableFuture<Void> rocketMq = CompletableFuture.runAsync(() -> {
            quietly(broker);
            quietly(nameServer);
        });
        quietly(zooKeeper);
        quietly(mariaDb);
        rocketMq.join();
        deleteBulkyData();
        log.info("middleware stopped in {} ms", Duration.ofNanos(System.nanoTime() - began).toMillis());
        starter.shutdownNow();
    }

    private void deleteBulkyData() {
        if (Boolean.getBoolean("creditsuite.middleware.keep")) {
            return;
        }
        for (String bulky : List.of("mariadb/data", "rocketmq/broker/store", "zookeeper/data")) {
            deleteRecursively(workDir.resolve(bulky));
        }
    }

    private static void quietly(EmbeddedComponent component) {
        if (component == null) {
            return;
        }
        try {
            long began = System.nanoTime();
            component.close();
            log.info("{} stopped in {} ms", component.name(), Duration.ofNanos(System.nanoTime() - began).toMillis());
        } catch (RuntimeException e) {
            log.warn("stopping {} failed", component.name(), e);
        }
    }

    private Path dir(String relative) {
        Path dir = workDir.resolve(relative);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }

    private static Path chooseWorkDir() {
        Supplier<Path> fallback = () -> {
            try {
                return Files.createTempDirectory("creditsuite-middleware-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        String configured = System.getProperty(DIR_PROPERTY);
        Path dir;
        if (configured != null && !configured.isBlank()) {
            dir = Path.of(configured);
        } else if (Files.isDirectory(Path.of("target"))) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            dir = Path.of("target", "middleware", stamp + "-" + ProcessHandle.current().pid());
        } else {
            dir = fallback.get();
        }
        try {
            return Files.createDirectories(dir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the middleware working directory " + dir, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.debug("could not delete {}", dir, e);
        }
    }
}
