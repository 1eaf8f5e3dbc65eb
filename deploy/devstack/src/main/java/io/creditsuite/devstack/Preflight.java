package io.creditsuite.devstack;

import io.creditsuite.middleware.ComponentStartException;
import io.creditsuite.middleware.SeataTc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code up} checks before it starts anything, so that a refusal leaves nothing behind:
 * no component of this stack is running already, the ports are distinct and free, and
 * everything that will be run has been built.
 */
final class Preflight {

    private Preflight() {
    }

    static void check(StackSettings settings) {
        refuseIfRunning(StackStatus.scan(settings));
        refuseTakenPorts(settings);
        requireBuilt(settings);
    }

    static void refuseIfRunning(StackStatus status) {
        List<ComponentStatus> running = status.running();
        if (running.isEmpty()) {
            return;
        }
        String list = running.stream()
                .map(c -> c.component().processName() + " (pid " + c.pid().getAsLong() + ")")
                .collect(Collectors.joining(", "));
        String how = status.allRunning()
                ? "The stack is already up: all " + running.size() + " components are running"
                : "Part of the stack is already running (" + running.size() + " of " + status.expected().size()
                  + " components)";
        throw new AlreadyRunningException(running, how + " in " + status.settings().workDir() + ": " + list
                + ". Nothing was started. See `./devstack status`; to start afresh, `./devstack down` first.");
    }

    static void refuseTakenPorts(StackSettings settings) {
        Map<Integer, String> claimed = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Component component : settings.components()) {
            for (Component.BoundPort bound : component.boundPorts(settings.ports())) {
                String previous = claimed.putIfAbsent(bound.port(), bound.label());
                if (previous != null) {
                    problems.add("port " + bound.port() + " is configured twice: for " + previous
                            + " and for " + bound.label());
                } else if (!canListen(bound.port())) {
                    problems.add("port " + bound.port() + " (" + bound.label() + ") is in use by another process"
                            + PortOwners.describe(bound.port()).map(owner -> " (" + owner + ")").orElse(""));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DevstackException(ExitCode.PORT_IN_USE, "Cannot start: " + String.join("; ", problems)
                    + ". Nothing was started. Free the port, or move the component with --port KEY=N or "
                    + "DEVSTACK_PORT_KEY=N (keys: ./devstack help).");
        }
    }

    /**
     * Whether a server could listen on the port now, on every address: bound with SO_REUSEADDR as
     * the components' servers are, so a connection of a stopped stack lingering in TIME_WAIT does
     * not count as "in use" (middleware's {@code Ports.isFree} binds without it and does), and on
     * the wildcard address, so a listener on any address counts (Tomcat binds 0.0.0.0).
     */
    static boolean canListen(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void requireBuilt(StackSettings settings) {
        for (Component component : Component.values()) {
            if (component.kind() == Component.Kind.SERVICE) {
                ServiceJars.execJar(settings.repoRoot(), component);
            }
        }
        try {
            SeataTc.command(settings.ports().get(PortName.SEATA), settings.ports().get(PortName.SEATA_CONSOLE),
                    settings.dataDir(Component.SEATA_TC));
        } catch (ComponentStartException e) {
            throw new DevstackException(ExitCode.NOT_BUILT, "The Seata TC is not built: " + e.getMessage()
                    + ". Build with `" + ServiceJars.BUILD_COMMAND + "` (./devstack up does it when needed).", e);
        }
    }
}
