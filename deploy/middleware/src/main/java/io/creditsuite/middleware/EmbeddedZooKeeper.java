package io.creditsuite.middleware;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone ZooKeeper 3.9 server in this JVM (Dubbo's registry). Up in about a second.
 *
 * <p>Built from {@link ZooKeeperServer} and a {@link ServerCnxnFactory} rather than
 * {@code ZooKeeperServerMain}, whose {@code runFromConfig} blocks and cannot be shut down from
 * outside. No admin server (its Jetty would take port 8080), and {@code ruok} is allowed so
 * readiness can be asked for.
 */
public final class EmbeddedZooKeeper implements EmbeddedComponent {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedZooKeeper.class);
    private static final int TICK_MILLIS = 2000;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final int MAX_CLIENT_CONNECTIONS = 500;

    private final int port;
    private final ServerCnxnFactory connections;
    private final ZooKeeperServer server;

    private EmbeddedZooKeeper(int port, ServerCnxnFactory connections, ZooKeeperServer server) {
        this.port = port;
        this.connections = connections;
        this.server = server;
    }

    /** Starts ZooKeeper on {@code 127.0.0.1:port} with snapshots and logs in {@code dir}. */
    public static EmbeddedZooKeeper start(int port, Path dir) {
        Ports.requireValid(port, "ZooKeeper port");
        setIfAbsent("zookeeper.admin.enableServer", "false");
        // read once, when the first server starts: keep the default srvr and add ruok/stat
        setIfAbsent("zookeeper.4lw.commands.whitelist", "ruok,srvr,stat");
        setIfAbsent("zookeeper.jmx.log4j.disable", "true");
        ServerCnxnFactory connections = null;
        try {
            Path data = dir.toAbsolutePath().resolve("data");
            Files.createDirectories(data);
            ZooKeeperServer server = new ZooKeeperServer(data.toFile(), data.toFile(), TICK_MILLIS);
            connections = ServerCnxnFactory.createFactory(
                    new InetSocketAddress(Ports.LOOPBACK, port), MAX_CLIENT_CONNECTIONS);
            connections.startup(server);
            EmbeddedZooKeeper zooKeeper = new EmbeddedZooKeeper(port, connections, server);
            try {
                Readiness.await("zookeeper", Readiness.zookeeper(Ports.LOOPBACK, port), READY_TIMEOUT);
            } catch (RuntimeException e) {
                zooKeeper.close();
                throw e;
            }
            return zooKeeper;
        } catch (ComponentStartException e) {
            throw e;
        } catch (Exception e) {
            if (connections != null) {
                connections.shutdown();
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ComponentStartException("zookeeper", "did not start on port " + port + ": " + e, e);
        }
    }

    /** {@code 127.0.0.1:port}, the form ZooKeeper clients take. */
    public String connectString() {
        return Ports.LOOPBACK + ":" + port;
    }

    @Override
    public String name() {
        return "zookeeper";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            connections.shutdown();
            server.shutdown();
        } catch (RuntimeException e) {
            log.warn("stopping ZooKeeper on port {} failed", port, e);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
