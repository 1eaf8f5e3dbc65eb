package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditsuite.middleware.LaunchedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentFaultsTest {

    @TempDir
    Path workDir;

    private LaunchedProcess fake;

    @AfterEach
    void stopFake() {
        if (fake != null) {
            fake.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void a_kill_is_sigkill_to_the_component_named_and_its_pid_file_goes() throws Exception {
        StackSettings settings = StackFixtures.settings(workDir);
        fake = StackFixtures.fakeComponent(Component.ACCOUNT, settings);
        LaunchedProcess other = StackFixtures.fakeComponent(Component.CREDIT, settings);
        try {
            long killed = Devstack.kill(settings, Component.ACCOUNT);

            assertThat(killed).isEqualTo(fake.pid());
            assertThat(fake.process().waitFor()).as("exit status of a JVM killed by signal 9").isEqualTo(128 + 9);
            assertThat(Files.exists(settings.pidFile(Component.ACCOUNT))).isFalse();
            assertThat(other.isAlive()).isTrue();
            assertThat(Devstack.status(settings).running()).extracting(ComponentStatus::component)
                    .containsExactly(Component.CREDIT);
        } finally {
            other.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void killing_a_component_that_is_not_running_is_refused() {
        StackSettings settings = StackFixtures.settings(workDir);

        assertThatThrownBy(() -> Devstack.kill(settings, Component.SEATA_TC))
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("seata-tc is not running");
    }

    @Test
    void restarting_a_component_that_runs_is_refused_and_starts_nothing() {
        StackSettings settings = StackFixtures.settings(workDir);
        fake = StackFixtures.fakeComponent(Component.ZOOKEEPER, settings);

        assertThatThrownBy(() -> Devstack.restart(settings, Component.ZOOKEEPER, Progress.silent()))
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("zookeeper is running (pid " + fake.pid() + ")");
        assertThat(fake.isAlive()).isTrue();
        assertThat(Devstack.status(settings).running()).hasSize(1);
    }

    @Test
    void a_graceful_stop_is_sigterm_and_a_component_that_exits_by_itself_is_not_reported_forced() throws Exception {
        StackSettings settings = StackFixtures.settings(workDir);
        fake = StackFixtures.fakeComponent(Component.GATEWAY, settings);

        StopReport.Stopped stopped = Devstack.stop(settings, Component.GATEWAY);

        assertThat(stopped.pid()).isEqualTo(fake.pid());
        assertThat(stopped.forced()).isFalse();
        assertThat(fake.process().waitFor()).as("exit status of a JVM ended by SIGTERM").isEqualTo(128 + 15);
        assertThat(Files.exists(settings.pidFile(Component.GATEWAY))).isFalse();
        assertThatThrownBy(() -> Devstack.stop(settings, Component.GATEWAY))
                .hasMessageContaining("gateway is not running");
    }
}
