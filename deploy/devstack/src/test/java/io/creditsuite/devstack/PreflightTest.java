package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditsuite.middleware.LaunchedProcess;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

    @TempDir
    Path workDir;

    @Test
    void a_port_taken_by_another_process_is_reported_by_name_before_anything_starts() throws Exception {
        StackSettings settings = StackFixtures.settings(workDir);
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            StackSettings taken = settings.withPorts(settings.ports().with(PortName.GATEWAY, squatter.getLocalPort()));

            assertThatThrownBy(() -> Preflight.refuseTakenPorts(taken))
                    .isInstanceOf(DevstackException.class)
                    .hasMessageContaining("port " + squatter.getLocalPort() + " (gateway HTTP) is in use")
                    .hasMessageContaining("Nothing was started")
                    .extracting(e -> ((DevstackException) e).exitCode()).isEqualTo(ExitCode.PORT_IN_USE);
        }
    }

    @Test
    void the_same_port_configured_twice_is_refused() {
        StackSettings settings = StackFixtures.settings(workDir);
        StackSettings clash = settings.withPorts(settings.ports().with(PortName.CREDIT, settings.ports().get(PortName.ACCOUNT)));

        assertThatThrownBy(() -> Preflight.refuseTakenPorts(clash))
                .hasMessageContaining("configured twice: for credit-service HTTP and for account-service HTTP");
    }

    @Test
    void a_running_component_of_the_same_stack_is_named_with_its_pid() {
        StackSettings settings = StackFixtures.settings(workDir);
        LaunchedProcess zookeeper = StackFixtures.fakeComponent(Component.ZOOKEEPER, settings);
        try {
            assertThatThrownBy(() -> Preflight.refuseIfRunning(StackStatus.scan(settings)))
                    .isInstanceOf(AlreadyRunningException.class)
                    .hasMessageContaining("Part of the stack is already running (1 of " + settings.components().size()
                            + " components)")
                    .hasMessageContaining("zookeeper (pid " + zookeeper.pid() + ")")
                    .hasMessageContaining("Nothing was started");
        } finally {
            zookeeper.stop(Duration.ofSeconds(5));
        }
        Preflight.refuseIfRunning(StackStatus.scan(settings));
    }

    @Test
    void a_stale_pid_file_does_not_count_as_running() throws Exception {
        StackSettings settings = StackFixtures.settings(workDir);
        java.nio.file.Files.createDirectories(settings.pidFile(Component.BROKER).getParent());
        // our own pid: alive, but not carrying the broker's marker
        java.nio.file.Files.writeString(settings.pidFile(Component.BROKER), Long.toString(ProcessHandle.current().pid()));

        StackStatus status = StackStatus.scan(settings);

        assertThat(status.noneRunning()).isTrue();
        assertThat(status.components().get(Component.BROKER.ordinal()).stalePidFile()).isTrue();
    }
}
