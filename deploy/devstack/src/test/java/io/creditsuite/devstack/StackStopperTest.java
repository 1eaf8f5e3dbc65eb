package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.middleware.LaunchedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStopperTest {

    @TempDir
    Path workDir;

    private final List<LaunchedProcess> fakes = new ArrayList<>();

    /** Whatever the assertions say, no stand-in outlives the test. */
    @AfterEach
    void stopFakes() {
        fakes.forEach(fake -> fake.stop(Duration.ofSeconds(5)));
    }

    @Test
    void stopping_a_stack_that_is_not_running_does_nothing_and_says_so() {
        StopReport report = Devstack.down(StackFixtures.settings(workDir), Progress.silent());

        assertThat(report.nothingWasRunning()).isTrue();
    }

    @Test
    void components_stop_in_order_dependents_first_and_their_pid_files_go() {
        StackSettings settings = StackFixtures.settings(workDir);
        LaunchedProcess database = fake(Component.MARIADB, settings);
        LaunchedProcess gateway = fake(Component.GATEWAY, settings);
        LaunchedProcess broker = fake(Component.BROKER, settings);

        StopReport report = Devstack.down(settings, Progress.silent());

        assertThat(report.stopped()).extracting(StopReport.Stopped::component)
                .containsExactly(Component.GATEWAY, Component.BROKER, Component.MARIADB);
        assertThat(report.problems()).isEmpty();
        assertThat(database.isAlive() || gateway.isAlive() || broker.isAlive()).isFalse();
        assertThat(Files.exists(settings.pidFile(Component.GATEWAY))).isFalse();
        assertThat(Devstack.down(settings, Progress.silent()).nothingWasRunning()).isTrue();
    }

    private LaunchedProcess fake(Component component, StackSettings settings) {
        LaunchedProcess fake = StackFixtures.fakeComponent(component, settings);
        fakes.add(fake);
        return fake;
    }
}
