package io.creditsuite.support.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.creditsuite.api.ping.BuildInfo;
import io.creditsuite.api.ping.PingService;
import io.creditsuite.middleware.Middleware;
import io.creditsuite.middleware.spring.MiddlewareInitializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.rpc.model.ModuleModel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * What every credit-suite service must do, checked on the real middleware: its Flyway migrations
 * apply on MariaDB, it serves liveness, readiness and Prometheus metrics, and it registers its
 * Dubbo ping in ZooKeeper and answers it over the network. Each service extends this once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = MiddlewareInitializer.class)
// Spring Boot tests switch metrics export off by default; /actuator/prometheus is part of the contract
@AutoConfigureObservability
public abstract class ServiceContractIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    private int httpPort;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ModuleModel dubboModule;

    private final String serviceName;
    private final Class<? extends PingService> pingInterface;
    private final List<String> expectedTables;

    /**
     * @param serviceName    the service's logical name, {@code spring.application.name}
     * @param pingInterface  its Dubbo ping interface
     * @param expectedTables tables its migrations (shared and its own) must have created
     */
    protected ServiceContractIT(String serviceName, Class<? extends PingService> pingInterface,
                                String... expectedTables) {
        this.serviceName = serviceName;
        this.pingInterface = pingInterface;
        this.expectedTables = List.of(expectedTables);
    }

    @Test
    void flyway_migrations_apply_on_mariadb() {
        boolean externalServer = System.getProperty("creditsuite.db.url") != null || System.getenv("CREDITSUITE_DB_URL") != null;
        if (!externalServer) {
            String version = jdbc.queryForObject("SELECT VERSION()", String.class);
            assertTrue(version.contains("MariaDB"), "expected the embedded MariaDB, got " + version);
        }
        assertEquals(0, count("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0"), "failed migrations");
        assertTrue(count("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1") > 0, "no migration ran");
        for (String table : expectedTables) {
            assertEquals(1, count("SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name = '" + table + "'"), "table " + table);
        }
    }

    @Test
    void liveness_readiness_and_prometheus_are_served() throws Exception {
        assertTrue(get("/actuator/health/liveness").contains("\"UP\""));
        assertTrue(get("/actuator/health/readiness").contains("\"UP\""));
        String metrics = get("/actuator/prometheus");
        assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM metrics missing");
        assertTrue(metrics.contains("application=\"" + serviceName + "\""), "application tag missing");
    }

    @Test
    void its_ping_is_registered_in_zookeeper_and_answers_over_the_network() throws Exception {
        try (CuratorFramework zk = CuratorFrameworkFactory.newClient(
                Middleware.shared().zookeeperConnectString(), new RetryOneTime(200))) {
            zk.start();
            List<String> providers = zk.getChildren().forPath("/dubbo/" + pingInterface.getName() + "/providers");
            assertFalse(providers.isEmpty(), "no provider of " + pingInterface.getName() + " in ZooKeeper");
        }

        ReferenceConfig<PingService> reference = new ReferenceConfig<>(dubboModule);
        reference.setInterface(pingInterface);
        reference.setScope("remote"); // through the registry and the network, not the in-JVM shortcut
        reference.setCheck(false);
        try {
            BuildInfo info = reference.get().ping();
            assertEquals(serviceName, info.service());
            assertTrue(info.startedAtEpochMilli() > 0);
        } finally {
            reference.destroy();
        }
        // the provider timed the call into a histogram (p50 / p99 from buckets), as it does every HTTP request
        get("/actuator/health/liveness");
        String metrics = get("/actuator/prometheus");
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("rpc_calls_seconds_bucket{")
                && line.contains("method=\"ping\"") && line.contains("outcome=\"ok\"")
                && line.contains("service=\"" + pingInterface.getSimpleName() + "\"")
                && line.contains("side=\"provider\"")), "no rpc_calls_seconds histogram of the ping");
        assertTrue(metrics.contains("http_server_requests_seconds_bucket{"), "no HTTP request histogram");
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = send(request(path));
        assertEquals(200, response.statusCode(), path + " -> " + response.body());
        return response.body();
    }

    /** A request to this service's own HTTP port. */
    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path));
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
