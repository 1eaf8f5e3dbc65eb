package io.creditsuite.middleware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Seata transaction coordinator (TC), always in a JVM of its own.
 *
 * <p>Why a child JVM: seata-server 2.0.0 is a Spring Boot 2.7 application, and the suite is on
 * Spring Boot 3; the two cannot share a classpath. The TC's classpath is the file
 * {@code deploy/seata-tc/target/seata-tc.classpath}, written when that module is packaged, plus
 * its {@code target/classes} (the TC's configuration, {@code seata-tc.yml}).
 *
 * <p>Its sessions live in {@code <dir>/sessionStore}: a TC restarted in the same directory
 * resumes the global transactions still open, which is what makes phase 2 survive a TC crash.
 */
public final class SeataTc {

    /** seata-server's own entry point; the wrapper below only adds the parent watchdog. */
    public static final String SERVER_MAIN = "io.seata.server.ServerApplication";
    static final String WRAPPER_MAIN = "io.creditsuite.seatatc.SeataTcMain";
    /** When set on the TC's command line, the TC exits when that pid does (used by tests). */
    static final String PARENT_PID_PROPERTY = "creditsuite.parent-pid";

    /** The command that builds the classpath file, quoted in failure messages. */
    public static final String BUILD_COMMAND = "./mvnw -q -pl deploy/seata-tc package";

    private static final List<String> JVM_OPTIONS = List.of(
            // ~150 MB of heap is plenty for one local TC; SerialGC and C1 start faster on 2 cores
            "-Xms64m", "-Xmx192m", "-XX:MaxDirectMemorySize=64m", "-Xss512k",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Djava.net.preferIPv4Stack=true", "-Dfile.encoding=UTF-8");

    private SeataTc() {
    }

    /**
     * The full command line for a TC serving clients on {@code port} with its console on
     * {@code consolePort}, working in {@code dir}. Run it with {@code dir} as working directory
     * (the session store path is relative to it). Use {@link #launcher} to get it started.
     */
    public static List<String> command(int port, int consolePort, Path dir) {
        return launcher(port, consolePort, dir).command();
    }

    /**
     * A launcher for the TC: working directory {@code dir}, log {@code dir/seata-tc.log}, pid file
     * {@code dir/seata-tc.pid}. Fails when the TC's classpath file has not been built.
     */
    public static ProcessLauncher launcher(int port, int consolePort, Path dir) {
        return launcher(port, consolePort, 0, dir);
    }

    /**
     * A launcher as {@link #launcher(int, int, Path)} that also serves the TC's Prometheus metrics (global transactions
     * by status) on {@code metricsPort} at {@code /metrics}; 0: no metrics.
     */
    public static ProcessLauncher launcher(int port, int consolePort, int metricsPort, Path dir) {
        Ports.requireValid(port, "Seata TC port");
        Ports.requireValid(consolePort, "Seata console port");
        Path root = RepoRoot.locate();
        Path absoluteDir = dir.toAbsolutePath();
        ProcessLauncher launcher = ProcessLauncher.java("seata-tc")
                .jvmOptions(JVM_OPTIONS)
                // read our seata-tc.yml, never the application.yml inside seata-server's jar
                .systemProperty("spring.config.name", "seata-tc")
                .systemProperty("seata.tc.port", Integer.toString(port))
                .systemProperty("seata.tc.console-port", Integer.toString(consolePort))
                .systemProperty("seata.tc.session-dir", absoluteDir.resolve("sessionStore").toString())
                // SOFA bolt (under the TC's raft code) logs to ${logging.path}, default ~/logs
                .systemProperty("logging.path", absoluteDir.resolve("logs").toString())
                .classpath(classpath(root))
                .mainClass(WRAPPER_MAIN)
                .workingDirectory(absoluteDir);
        if (metricsPort > 0) {
            Ports.requireValid(metricsPort, "Seata TC metrics port");
            launcher.systemProperty("seata.tc.metrics-enabled", "true")
                    .systemProperty("seata.tc.metrics-port", Integer.toString(metricsPort));
        }
        return launcher;
    }

    /**
     * Starts a TC and waits until its port accepts connections. With {@code exitWithThisJvm} the
     * TC also watches this JVM and exits when it does, so a test JVM killed with SIGKILL leaves no
     * TC behind.
     */
    public static LaunchedProcess start(int port, int consolePort, Path dir, boolean exitWithThisJvm,
                                        Duration timeout) {
        ProcessLauncher launcher = launcher(port, consolePort, dir);
        if (exitWithThisJvm) {
            launcher.systemProperty(PARENT_PID_PROPERTY, Long.toString(ProcessHandle.current().pid()));
        }
        LaunchedProcess process = launcher.start();
        try {
            return process.awaitReady(Readiness.tcpOpen(Ports.LOOPBACK, port), timeout);
        } catch (RuntimeException e) {
            process.stop(Duration.ofSeconds(5));
            throw e;
        }
    }

    /** {@code target/classes} and the dependency jars of deploy/seata-tc, as one classpath string. */
    static String classpath(Path root) {
        Path module = root.resolve("deploy").resolve("seata-tc");
        Path classes = module.resolve("target").resolve("classes");
        Path file = module.resolve("target").resolve("seata-tc.classpath");
        if (!Files.isRegularFile(file) || !Files.isDirectory(classes)) {
            throw new ComponentStartException("seata-tc", "the TC's classpath file " + file
                    + " (or " + classes + ") is missing; build it with `" + BUILD_COMMAND + "` in " + root);
        }
        String jars;
        try {
            jars = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (jars.isEmpty()) {
            throw new ComponentStartException("seata-tc", file + " is empty; rebuild it with `" + BUILD_COMMAND + "`");
        }
        return classes + java.io.File.pathSeparator + jars;
    }
}
