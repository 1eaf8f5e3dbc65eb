package io.creditsuite.devstack;

import io.creditsuite.middleware.Ports;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/** The port of every {@link PortName}: the devstack defaults, overrides, or free ones for tests. */
public final class StackPorts {

    private static final String PROPERTY_PREFIX = "port.";

    private final Map<PortName, Integer> ports;

    private StackPorts(Map<PortName, Integer> ports) {
        this.ports = Collections.unmodifiableMap(new EnumMap<>(ports));
    }

    /** 3306, 2181, 9876, 10911, 8091, 8080, 8081, ...: what README's port table lists. */
    public static StackPorts defaults() {
        Map<PortName, Integer> ports = new EnumMap<>(PortName.class);
        for (PortName name : PortName.values()) {
            ports.put(name, name.defaultPort());
        }
        return new StackPorts(ports);
    }

    /**
     * Free ports from the kernel's ephemeral range, so a second stack (the system tests) never
     * collides with a devstack on the default ports. The broker gets a port whose {@code port - 2}
     * is free too.
     */
    public static StackPorts free() {
        Map<PortName, Integer> ports = new EnumMap<>(PortName.class);
        for (PortName name : PortName.values()) {
            ports.put(name, name == PortName.BROKER ? Ports.freeBrokerPort() : Ports.freePort());
        }
        return new StackPorts(ports);
    }

    public int get(PortName name) {
        return ports.get(name);
    }

    /** A copy with one port changed. */
    public StackPorts with(PortName name, int port) {
        Ports.requireValid(port, name.key() + " port");
        Map<PortName, Integer> changed = new EnumMap<>(ports);
        changed.put(name, port);
        return new StackPorts(changed);
    }

    /** The broker's "fast" channel, which RocketMQ always opens on {@code broker - 2}. */
    public int brokerFastPort() {
        return get(PortName.BROKER) - 2;
    }

    /** {@code 127.0.0.1:port} of a component, as the services' properties want it. */
    public String address(PortName name) {
        return Ports.LOOPBACK + ":" + get(name);
    }

    public String gatewayUrl() {
        return "http://" + address(PortName.GATEWAY);
    }

    /** approval-service's HTTP address: the reviewers' workbench is at {@code /workbench}. */
    public String workbenchUrl() {
        return "http://" + address(PortName.APPROVAL);
    }

    void writeTo(Properties properties) {
        ports.forEach((name, port) -> properties.setProperty(PROPERTY_PREFIX + name.key(), Integer.toString(port)));
    }

    /** Ports from a state file; a key it lacks keeps {@code fallback}'s value. */
    static StackPorts readFrom(Properties properties, StackPorts fallback) {
        StackPorts result = fallback;
        for (PortName name : PortName.values()) {
            String value = properties.getProperty(PROPERTY_PREFIX + name.key());
            if (value != null) {
                result = result.with(name, Integer.parseInt(value.trim()));
            }
        }
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StackPorts that && ports.equals(that.ports);
    }

    @Override
    public int hashCode() {
        return ports.hashCode();
    }

    @Override
    public String toString() {
        return ports.toString();
    }
}
