package io.creditsuite.middleware;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * Readiness checks for each component: a TCP connect plus, where it is cheap, a real request.
 * Each check answers "usable now?" and never waits on its own; {@link LaunchedProcess#awaitReady}
 * does the polling.
 */
public final class Readiness {

    private static final int CONNECT_TIMEOUT_MILLIS = 1000;

    private Readiness() {
    }

    /** Something accepts TCP connections on the port (the Seata TC: its port opens last). */
    public static ReadinessCheck tcpOpen(String host, int port) {
        return ReadinessCheck.named("TCP connect to " + host + ":" + port,
                () -> Ports.isOpen(host, port, CONNECT_TIMEOUT_MILLIS));
    }

    /**
     * Polls {@code check} until it passes, for components started inside this JVM (a process
     * launched by {@link ProcessLauncher} uses {@link LaunchedProcess#awaitReady} instead, which
     * also notices the process dying). A loaded 2-core machine can take seconds to answer a
     * first request, so one failed probe proves nothing.
     *
     * @throws ComponentStartException naming the component, the check and its last failure
     */
    public static void await(String component, ReadinessCheck check, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (check.isReady()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new ComponentStartException(component, "not ready after " + timeout.toSeconds() + " s: "
                        + check.description() + (last != null ? " (last failure: " + last + ")" : ""), last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ComponentStartException(component, "interrupted while waiting for readiness", e);
            }
        }
    }

    /** The database answers {@code SELECT 1} over JDBC. */
    public static ReadinessCheck jdbc(String url, String user, String password) {
        return ReadinessCheck.named("SELECT 1 on " + url, () -> {
            // per-connection timeouts: DriverManager.setLoginTimeout would change every pool in the JVM
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password == null ? "" : password);
            properties.setProperty("connectTimeout", "5000");
            properties.setProperty("socketTimeout", "10000");
            try (Connection connection = DriverManager.getConnection(url, properties);
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT 1")) {
                return result.next() && result.getInt(1) == 1;
            }
        });
    }

    /**
     * ZooKeeper answers its four-letter word {@code ruok} with {@code imok}: it is serving, not
     * just listening. Needs {@code ruok} in {@code zookeeper.4lw.commands.whitelist} (the default).
     */
    public static ReadinessCheck zookeeper(String host, int port) {
        return ReadinessCheck.named("ZooKeeper ruok on " + host + ":" + port,
                () -> "imok".equals(fourLetterWord(host, port, "ruok")));
    }

    /** The name server answers a cluster-info request. */
    public static ReadinessCheck nameServer(String nameServerAddress) {
        return ReadinessCheck.named("RocketMQ name server " + nameServerAddress + " answers", () -> {
            try (RocketMqProbe probe = new RocketMqProbe()) {
                return probe.clusterInfo(nameServerAddress) != null;
            }
        });
    }

    /** The name server knows a broker named {@code brokerName}: producers can get routes. */
    public static ReadinessCheck brokerRegistered(String nameServerAddress, String brokerName) {
        return ReadinessCheck.named("broker " + brokerName + " registered at " + nameServerAddress, () -> {
            try (RocketMqProbe probe = new RocketMqProbe()) {
                return probe.brokerAddress(nameServerAddress, brokerName).isPresent();
            }
        });
    }

    /** Sends a ZooKeeper four-letter word and returns the answer, trimmed. */
    static String fourLetterWord(String host, int port, String word) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(word.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.US_ASCII).trim();
        }
    }
}
