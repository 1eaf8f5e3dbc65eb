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

    /** The database answers {@code SELECT 1} over JDBC. */
    public static ReadinessCheck jdbc(String url, String user, String password) {
        return ReadinessCheck.named("SELECT 1 on " + url, () -> {
            DriverManager.setLoginTimeout(2);
            try (Connection connection = DriverManager.getConnection(url, user, password);
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
            socket.setSoTimeout(2000);
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
