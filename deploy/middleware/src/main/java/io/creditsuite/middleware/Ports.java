package io.creditsuite.middleware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free TCP ports on the loopback interface.
 *
 * <p>Ports come from the kernel's ephemeral range (bind to port 0), so a test JVM never picks
 * the fixed ports of a devstack running on the same machine. A port handed out once is never
 * handed out again by this JVM, which keeps two components started a moment apart from racing
 * for the same number. Another process can still take the port between this call and the bind;
 * that window is short and accepted.
 */
public final class Ports {

    /** Loopback: every component of the suite binds and connects here, never a public address. */
    public static final String LOOPBACK = "127.0.0.1";

    private static final int MAX_ATTEMPTS = 200;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /** A port nobody listens on right now and that this JVM has not handed out before. */
    public static int freePort() {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int port = bindEphemeral();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free TCP port found in " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * A port for a RocketMQ broker: the broker also listens on {@code port - 2} (its "fast"
     * channel), so both must be free. Its HA port is configured separately.
     */
    public static int freeBrokerPort() {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int port = bindEphemeral();
            if (port - 2 > 1024 && isFree(port - 2) && !HANDED_OUT.contains(port - 2)
                    && HANDED_OUT.add(port)) {
                HANDED_OUT.add(port - 2);
                return port;
            }
        }
        throw new IllegalStateException("no free TCP port pair (p, p-2) for the RocketMQ broker found in "
                + MAX_ATTEMPTS + " attempts");
    }

    /** True when the port can be bound on the loopback interface right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * True when something accepts TCP connections on {@code host:port} within {@code timeoutMillis}.
     *
     * <p>A connect to a free port in the ephemeral range can "succeed" by connecting to itself
     * (the kernel picks the same port as source: TCP simultaneous open). That would report a
     * component as listening before it is, so a self-connection counts as closed.
     */
    public static boolean isOpen(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return !(socket.getLocalPort() == port && socket.getLocalAddress().equals(socket.getInetAddress()));
        } catch (IOException e) {
            return false;
        }
    }

    /** Checks a port number given by a person or a config file. */
    public static int requireValid(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " must be between 1 and 65535, was " + port);
        }
        return port;
    }

    private static int bindEphemeral() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0), 1);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind an ephemeral port on " + LOOPBACK, e);
        }
    }
}
