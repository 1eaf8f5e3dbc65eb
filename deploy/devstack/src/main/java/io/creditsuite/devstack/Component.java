package io.creditsuite.devstack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ten processes of the devstack, Alertmanager where it is installed and Prometheus when asked for
 * ({@link #optional()}). The name is also the process name: its log is
 * {@code logs/<name>.log}, its pid file {@code run/<name>.pid}, and its command line carries
 * {@code -Dcreditsuite.process=<name>}, which is how a later command recognises it.
 *
 * <p>Start order: everything in {@link #dependsOn()} is ready first; components with nothing
 * between them start in parallel. Stop order: {@link #STOP_ORDER}.
 */
public enum Component {
    MARIADB("mariadb", Kind.MIDDLEWARE, List.of(PortName.DB)),
    ZOOKEEPER("zookeeper", Kind.MIDDLEWARE, List.of(PortName.ZOOKEEPER)),
    NAMESRV("namesrv", Kind.MIDDLEWARE, List.of(PortName.NAMESRV)),
    BROKER("broker", Kind.MIDDLEWARE, List.of(PortName.BROKER, PortName.BROKER_HA)),
    SEATA_TC("seata-tc", Kind.MIDDLEWARE, List.of(PortName.SEATA, PortName.SEATA_CONSOLE,
            PortName.SEATA_METRICS)),
    /** Debian's prometheus-alertmanager binary, when installed: reconcile-service pushes its discrepancies to it. */
    ALERTMANAGER("alertmanager", Kind.MIDDLEWARE, List.of(PortName.ALERTMANAGER)),
    /** Debian's prometheus binary, with {@code --with-monitoring}: scrapes every service, evaluates the repo's rules. */
    PROMETHEUS("prometheus", Kind.MIDDLEWARE, List.of(PortName.PROMETHEUS)),
    CREDIT("credit-service", Kind.SERVICE, List.of(PortName.CREDIT, PortName.CREDIT_DUBBO)),
    ACCOUNT("account-service", Kind.SERVICE, List.of(PortName.ACCOUNT, PortName.ACCOUNT_DUBBO)),
    APPROVAL("approval-service", Kind.SERVICE, List.of(PortName.APPROVAL, PortName.APPROVAL_DUBBO)),
    RECONCILE("reconcile-service", Kind.SERVICE, List.of(PortName.RECONCILE, PortName.RECONCILE_DUBBO)),
    GATEWAY("gateway", Kind.SERVICE, List.of(PortName.GATEWAY, PortName.GATEWAY_DUBBO));

    /** Middleware runs from deploy/middleware's classes; services from their exec jars. */
    public enum Kind { MIDDLEWARE, SERVICE }

    /**
     * Dependents before what they depend on: Prometheus (which only watches) first, then the gateway (the entry
     * point) stops taking requests, then the other services, then Alertmanager (after reconcile-service, which pushes to it), the Seata TC
     * (after its participants, so no phase 2 is cut off), then the broker, the name server, ZooKeeper and the
     * database. The four services in the second group stop in parallel.
     */
    public static final List<List<Component>> STOP_ORDER = List.of(
            List.of(PROMETHEUS),
            List.of(GATEWAY),
            List.of(CREDIT, ACCOUNT, APPROVAL, RECONCILE),
            List.of(ALERTMANAGER),
            List.of(SEATA_TC),
            List.of(BROKER),
            List.of(NAMESRV),
            List.of(ZOOKEEPER),
            List.of(MARIADB));

    private final String processName;
    private final Kind kind;
    private final List<PortName> ports;

    Component(String processName, Kind kind, List<PortName> ports) {
        this.processName = processName;
        this.kind = kind;
        this.ports = ports;
    }

    public String processName() {
        return processName;
    }

    public Kind kind() {
        return kind;
    }

    /** The configured ports it binds (the broker's derived fast port is added by {@link #boundPorts}). */
    public List<PortName> ports() {
        return ports;
    }

    /** Every port it binds, with a label for messages. */
    public List<BoundPort> boundPorts(StackPorts stackPorts) {
        List<BoundPort> bound = new ArrayList<>();
        for (PortName name : ports) {
            bound.add(new BoundPort(stackPorts.get(name), name.label()));
        }
        if (this == BROKER) {
            bound.add(new BoundPort(stackPorts.brokerFastPort(), "RocketMQ broker fast channel (broker port - 2)"));
        }
        return bound;
    }

    /** The port that answers once it is up: the HTTP port of a service, the client port otherwise. */
    public int primaryPort(StackPorts stackPorts) {
        return stackPorts.get(ports.get(0));
    }

    /**
     * Whether the stack runs without it when it is not installed (Alertmanager: its binary is a Debian package, not
     * a Maven artifact). The others are always part of the stack.
     */
    public boolean optional() {
        return this == ALERTMANAGER || this == PROMETHEUS;
    }

    /**
     * What must be ready before this starts: the broker registers with the name server; a
     * service connects to all the middleware while its context starts (Dubbo to ZooKeeper, the
     * data source and Flyway to MariaDB, Seata to the TC, producers to the name server);
     * reconcile-service also pushes its alerts to Alertmanager. An optional component the stack
     * runs without is left out by the starter.
     */
    public List<Component> dependsOn() {
        if (this == BROKER) {
            return List.of(NAMESRV);
        }
        if (kind == Kind.SERVICE) {
            return Arrays.stream(values())
                    .filter(c -> c.kind == Kind.MIDDLEWARE && c != PROMETHEUS && (c != ALERTMANAGER || this == RECONCILE))
                    .toList();
        }
        return List.of();
    }

    public static Optional<Component> byName(String name) {
        return Arrays.stream(values()).filter(c -> c.processName.equals(name)).findFirst();
    }

    /** Every component, in stop order, flattened. */
    public static List<Component> inStopOrder() {
        return STOP_ORDER.stream().flatMap(List::stream).toList();
    }

    /** A port a component binds, with what it is for. */
    public record BoundPort(int port, String label) {
    }
}
