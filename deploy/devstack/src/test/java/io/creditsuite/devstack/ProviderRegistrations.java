package io.creditsuite.devstack;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * The Dubbo provider registrations in the stack's ZooKeeper ({@code /dubbo/<interface>/providers/<url>}, ephemeral
 * nodes), read to know when a killed provider's registrations are gone. A process killed with SIGKILL never closes
 * its ZooKeeper session: its nodes stay until the session expires (about 35 s here), beside the nodes of the same
 * provider restarted on the same address. When they expire, consumers drop the old URL; a scenario that starts before
 * then races that notification.
 */
final class ProviderRegistrations {
    private static final String ROOT = "/dubbo";
    private static final int SESSION_TIMEOUT_MILLIS = 10_000;

    private ProviderRegistrations() {
    }

    /**
     * The ZooKeeper sessions that own a provider registration on {@code port} (any host: Dubbo registers the address
     * it resolves, which need not be the loopback the stack binds).
     */
    static Set<Long> sessionsServing(String zookeeper, int port) {
        try (Reader reader = new Reader(zookeeper)) {
            Set<Long> sessions = new HashSet<>();
            for (String service : reader.children(ROOT)) {
                String providers = ROOT + "/" + service + "/providers";
                for (String node : reader.children(providers)) {
                    String url = URLDecoder.decode(node, StandardCharsets.UTF_8);
                    if (url.matches("^[a-z0-9]+://[^/]+:" + port + "/.*")) {
                        Stat stat = reader.stat(providers + "/" + node);
                        if (stat != null && stat.getEphemeralOwner() != 0) {
                            sessions.add(stat.getEphemeralOwner());
                        }
                    }
                }
            }
            return sessions;
        }
    }

    /** One short-lived client: connects, reads, closes. */
    private static final class Reader implements AutoCloseable {
        private final ZooKeeper client;

        Reader(String connectString) {
            CountDownLatch connected = new CountDownLatch(1);
            try {
                client = new ZooKeeper(connectString, SESSION_TIMEOUT_MILLIS, event -> {
                    if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                        connected.countDown();
                    }
                });
                if (!connected.await(SESSION_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                    close();
                    throw new IllegalStateException("ZooKeeper at " + connectString + " did not answer");
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot reach ZooKeeper at " + connectString, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        List<String> children(String path) {
            try {
                return client.getChildren(path, false);
            } catch (KeeperException.NoNodeException e) {
                return List.of();
            } catch (KeeperException e) {
                throw new IllegalStateException("cannot list " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        Stat stat(String path) {
            try {
                return client.exists(path, false);
            } catch (KeeperException e) {
                throw new IllegalStateException("cannot read " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        @Override
        public void close() {
            try {
                client.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
