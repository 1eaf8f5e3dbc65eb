package io.creditsuite.devstack;

import io.creditsuite.middleware.LaunchedProcess;
import io.creditsuite.middleware.Ports;
import java.nio.file.Files;
import java.util.List;
import java.util.OptionalLong;

/**
 * One component as seen from its pid file.
 *
 * @param pid          the running process, if its pid file points at a live process that carries
 *                     this component's marker (a reused pid does not count)
 * @param stalePidFile a pid file exists but its process is gone
 * @param listening    its primary port accepts connections
 * @param absent       an optional component that is not installed, so not part of the stack
 */
public record ComponentStatus(Component component, OptionalLong pid, boolean stalePidFile,
                              List<Component.BoundPort> ports, boolean listening, boolean absent) {

    public boolean running() {
        return pid.isPresent();
    }

    static ComponentStatus of(Component component, StackSettings settings, boolean absent) {
        OptionalLong pid = LaunchedProcess.runningFromPidFile(settings.pidFile(component), component.processName())
                .map(handle -> OptionalLong.of(handle.pid()))
                .orElse(OptionalLong.empty());
        boolean stale = pid.isEmpty() && Files.exists(settings.pidFile(component));
        boolean listening = pid.isPresent()
                && Ports.isOpen(Ports.LOOPBACK, component.primaryPort(settings.ports()), 500);
        return new ComponentStatus(component, pid, stale, component.boundPorts(settings.ports()), listening, absent);
    }
}
