package io.creditsuite.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The devstack's way: one component per OS process, READY on stdout, clean stop on SIGTERM. */
class ComponentMainIT {

    @TempDir
    Path dir;

    @Test
    void zookeeper_runs_as_its_own_process_until_sigterm() throws Exception {
        int port = Ports.freePort();
        long began = System.nanoTime();
        LaunchedProcess zookeeper = ComponentMain.launcher("zookeeper", port, dir).start();
        try {
            String ready = zookeeper.awaitLogLine(ComponentMain.readyLine("zookeeper"), Duration.ofSeconds(60));
            System.out.println("[middleware] ComponentMain zookeeper ready in "
                    + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms (JVM start included)");
            assertThat(ready).isEqualTo("READY zookeeper port=" + port);
            assertThat(Readiness.zookeeper(Ports.LOOPBACK, port).isReady()).isTrue();
        } finally {
            long stopping = System.nanoTime();
            int exit = zookeeper.stop(Duration.ofSeconds(20));
            System.out.println("[middleware] ComponentMain zookeeper stopped in "
                    + Duration.ofNanos(System.nanoTime() - stopping).toMillis() + " ms, exit " + exit);
            assertThat(exit).as("exit code after SIGTERM").isEqualTo(143);
        }
        assertThat(zookeeper.isAlive()).isFalse();
        assertThat(zookeeper.tail(5)).contains("STOPPED zookeeper");
        assertThat(Ports.isOpen(Ports.LOOPBACK, port, 500)).isFalse();
    }

    @Test
    void a_bad_command_line_fails_fast_with_usage() throws Exception {
        LaunchedProcess bad = ProcessLauncher.java("bad-component")
                .classpath(System.getProperty("java.class.path"))
                .mainClass(ComponentMain.class.getName())
                .args("kafka", "--port", "1", "--dir", dir.toString())
                .workingDirectory(dir)
                .start();
        assertThat(bad.process().waitFor()).isEqualTo(2);
        assertThat(String.join("\n", bad.tail(5))).contains("unknown component 'kafka'").contains("usage:");
    }
}
