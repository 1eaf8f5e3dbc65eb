package io.creditsuite.middleware;

import java.util.Set;
import java.util.TreeSet;

/**
 * The ports a devstack started with its defaults listens on (README's port table): the services'
 * HTTP 8080-8084 and Dubbo 20880-20884, MariaDB 3306, ZooKeeper 2181, the RocketMQ name server
 * 9876 and broker 10909-10912, the Seata TC 8091, its console 7091 and its metrics 9898, Alertmanager 9093, Prometheus 9090.
 *
 * <p>A test must never bind one of them, or it fails beside a running devstack (and a devstack
 * started later fails beside it). deploy/devstack's {@code PortName} defaults are checked against
 * this list by a test, so the two cannot drift apart.
 */
public final class DevstackDefaultPorts {

    private static final Set<Integer> PORTS;

    static {
        Set<Integer> ports = new TreeSet<>();
        for (int port = 8080; port <= 8084; port++) {
            ports.add(port);
        }
        for (int port = 20880; port <= 20884; port++) {
            ports.add(port);
        }
        ports.add(3306);
        ports.add(2181);
        ports.add(9876);
        for (int port = 10909; port <= 10912; port++) {
            ports.add(port);
        }
        ports.add(8091);
        ports.add(7091);
        ports.add(9898);
        ports.add(9093);
        ports.add(9090);
        PORTS = Set.copyOf(ports);
    }

    private DevstackDefaultPorts() {
    }

    /** Every default port, ascending. */
    public static Set<Integer> all() {
        return new TreeSet<>(PORTS);
    }

    public static boolean contains(int port) {
        return PORTS.contains(port);
    }
}
