package io.creditsuite.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs (a tiny main from the test classpath); each starts in well under a second. */
class ProcessLauncherTest {

    @TempDir
    Path dir;

    @Test
    void a_process_is_ready_when_its_check_passes_and_stops_cleanly_on_sigterm() {
        int port = Ports.freePort();
        LaunchedProcess process = fake("listen", Integer.toString(port)).start();
        try {
            assertThat(process.pidFile()).hasContent(Long.toString(process.pid()));
            process.awaitReady(Readiness.tcpOpen(Ports.LOOPBACK, port), Duration.ofSeconds(30));
            assertThat(process.awaitLogLine(Pattern.compile("^READY fake"), Duration.ofSeconds(5)))
                    .isEqualTo("READY fake port=" + port);
        } finally {
            int exit = process.stop(Duration.ofSeconds(10));
            // 143 = 128 + SIGTERM: the JVM exited through its shutdown hooks
            assertThat(exit).isEqualTo(143);
        }
        assertThat(process.isAlive()).isFalse();
        assertThat(process.tail(1)).containsExactly("goodbye from the shutdown hook");
        assertThat(process.pidFile()).doesNotExist();
    }

    @Test
    void a_process_that_dies_while_awaited_fails_with_its_exit_code_and_last_log_lines() {
        LaunchedProcess process = fake("die", "7").start();
        assertThatThrownBy(() -> process.awaitReady(() -> false, Duration.ofSeconds(30)))
                .isInstanceOf(ComponentStartException.class)
                .hasMessageContaining("fake")
                .hasMessageContaining("exited with code 7")
                .hasMessageContaining("dying, step 5");
        assertThatThrownBy(() -> process.awaitLogLine(Pattern.compile("never printed"), Duration.ofSeconds(30)))
                .hasMessageContaining("exited with code 7");
    }

    @Test
    void a_process_not_ready_in_time_fails_naming_the_check() {
        LaunchedProcess process = fake("listen", Integer.toString(Ports.freePort())).start();
        try {
            assertThatThrownBy(() -> process.awaitReady(
                    ReadinessCheck.named("the moon is blue", () -> false), Duration.ofMillis(300)))
                    .isInstanceOf(ComponentStartException.class)
                    .hasMessageContaining("not ready after")
                    .hasMessageContaining("the moon is blue");
        } finally {
            process.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void a_process_hanging_after_sigterm_is_killed_after_the_grace_period() {
        LaunchedProcess process = fake("ignore-term").start();
        process.awaitLog(Pattern.compile("READY stubborn"), Duration.ofSeconds(30));
        int exit = process.stop(Duration.ofMillis(500));
        // 128 + SIGKILL: the process ignores SIGTERM, so only the kill after the grace period ends it
        // (no bound on the wall time: a loaded machine may take long to start and reap the JVM)
        assertThat(exit).isEqualTo(137);
    }

    @Test
    void a_pid_file_stops_the_process_that_wrote_it_but_never_a_stranger() throws Exception {
        LaunchedProcess process = fake("listen", Integer.toString(Ports.freePort())).start();
        process.awaitLog(Pattern.compile("^READY"), Duration.ofSeconds(30));
        Path pidFile = process.pidFile();
        assertThat(LaunchedProcess.runningFromPidFile(pidFile, "someone-else")).isEmpty();
        assertThat(LaunchedProcess.stopByPidFile(pidFile, "someone-else", Duration.ofSeconds(5))).isFalse();
        Files.writeString(pidFile, Long.toString(process.pid())); // the stranger check removed it
        assertThat(LaunchedProcess.stopByPidFile(pidFile, "fake", Duration.ofSeconds(10))).isTrue();
        assertThat(process.process().waitFor()).isEqualTo(143);
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void a_process_that_is_not_a_jvm_is_known_by_the_marker_in_its_environment() throws Exception {
        LaunchedProcess sleeper = ProcessLauncher.command("sleeper", java.util.List.of("sleep", "300"))
                .workingDirectory(dir).start();
        Path pidFile = sleeper.pidFile();
        assertThat(LaunchedProcess.runningFromPidFile(pidFile, "sleeper")).map(ProcessHandle::pid)
                .contains(sleeper.pid());
        assertThat(LaunchedProcess.runningFromPidFile(pidFile, "sleep")).isEmpty();
        // a JVM launched from a marked process does not inherit the marker
        LaunchedProcess child = fake("listen", Integer.toString(Ports.freePort()))
                .environment(ProcessLauncher.PROCESS_MARKER_VARIABLE, "sleeper").start();
        child.awaitLog(Pattern.compile("^READY"), Duration.ofSeconds(30));
        assertThat(LaunchedProcess.runningFromPidFile(child.pidFile(), "sleeper")).isEmpty();
        child.close();

        assertThat(LaunchedProcess.stopByPidFile(pidFile, "sleeper", Duration.ofSeconds(10))).isTrue();
        assertThat(sleeper.isAlive()).isFalse();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void the_command_line_carries_options_marker_classpath_main_and_args_in_order() {
        assertThat(ProcessLauncher.java("x").jvmOptions("-Xmx64m").systemProperty("a", "b")
                .classpath("/c.jar").mainClass("M").args("one", "two").command())
                .containsSubsequence("-Xmx64m", "-Dcreditsuite.process=x", "-Da=b", "-cp", "/c.jar", "M", "one", "two");
        assertThatThrownBy(() -> ProcessLauncher.java("bad name"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private ProcessLauncher fake(String... args) {
        return ProcessLauncher.java("fake")
                .jvmOptions("-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
                .classpath(System.getProperty("java.class.path"))
                .mainClass(FakeServerMain.class.getName())
                .args(args)
                .workingDirectory(dir);
    }
}
