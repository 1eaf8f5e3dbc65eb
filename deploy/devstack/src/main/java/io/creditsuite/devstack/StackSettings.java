package io.creditsuite.devstack;

import io.creditsuite.middleware.RepoRoot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a stack lives and how it runs.
 *
 * <p>Layout of {@code workDir} (default {@code .devstack/} in the repository root):
 * <pre>
 * logs/&lt;component&gt;.log     stdout+stderr of each process (the previous run's as .log.1)
 * run/&lt;component&gt;.pid      pid of each running process
 * data/&lt;component&gt;/        its working directory: database files, message store, TC sessions
 * devstack.properties       the ports of the stack last started here (read by status, smoke)
 * devstack.lock             held while up or down runs, so two commands never interleave
 * </pre>
 *
 * @param repoRoot               where the service jars and the Seata TC classpath are built
 * @param middlewareStartTimeout per middleware component (the first MariaDB start unpacks ~365 MB)
 * @param serviceStartTimeout    per service, all five starting at once on a small machine
 * @param stopGrace              how long a component may take after SIGTERM before SIGKILL
 * @param detach                 run each process in a session of its own ({@code setsid}), so it
 *                               outlives the terminal and a Ctrl-C of the CLI; the system tests
 *                               keep theirs attached, so an interrupted build takes them along
 * @param trainClassArchives     services without a class data archive write one when they stop
 *                               (see {@link ClassDataSharing}); the devstack does, the tests don't
 * @param dayEndCron             when account-service runs the day-end cutover (日切) of the date in
 *                               force, as {@code credit-suite.day-end.cron} (Spring cron, six fields,
 *                               the machine's time zone); empty: never (only when a caller triggers it)
 * @param extras                 what single components get on top (JVM options, arguments, environment),
 *                               e.g. a test's fault-injection property; none by default
 * @param monitoring             also run Prometheus (if installed), scraping every service ({@code --with-monitoring})
 */
public record StackSettings(Path workDir, StackPorts ports, Path repoRoot, Duration middlewareStartTimeout,
                            Duration serviceStartTimeout, Duration stopGrace, boolean detach,
                            boolean trainClassArchives, String dayEndCron, Map<Component, LaunchExtras> extras,
                            boolean monitoring) {

    public static final Duration DEFAULT_MIDDLEWARE_START_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_SERVICE_START_TIMEOUT = Duration.ofSeconds(180);
    /**
     * Above the longest drain a service may take after SIGTERM, so {@code down} and the rolling restart never kill
     * one that is still draining: Spring's graceful shutdown phase (30 s, {@code server.shutdown=graceful}) + Dubbo's
     * shutdown wait (10 s, {@code dubbo.application.shutwait}) + account-service's hot-account lanes (20 s,
     * {@code GroupCommitWriters.DRAIN_TIMEOUT}) + its buffered-posting senders (10 s) = 70 s at worst.
     */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(75);
    /** Midnight every day, as production runs it (account-service/README.md, day-end cutover). */
    public static final String DEFAULT_DAY_END_CRON = "0 0 0 * * *";

    public StackSettings {
        workDir = workDir.toAbsolutePath().normalize();
        Objects.requireNonNull(ports, "ports");
        repoRoot = repoRoot.toAbsolutePath().normalize();
        dayEndCron = dayEndCron == null ? "" : dayEndCron.trim();
        extras = extras == null || extras.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(extras));
    }

    /** Without monitoring. */
    public StackSettings(Path workDir, StackPorts ports, Path repoRoot, Duration middlewareStartTimeout,
                         Duration serviceStartTimeout, Duration stopGrace, boolean detach, boolean trainClassArchives,
                         String dayEndCron, Map<Component, LaunchExtras> extras) {
        this(workDir, ports, repoRoot, middlewareStartTimeout, serviceStartTimeout, stopGrace, detach,
                trainClassArchives, dayEndCron, extras, false);
    }

    /** Without extras. */
    public StackSettings(Path workDir, StackPorts ports, Path repoRoot, Duration middlewareStartTimeout,
                         Duration serviceStartTimeout, Duration stopGrace, boolean detach, boolean trainClassArchives,
                         String dayEndCron) {
        this(workDir, ports, repoRoot, middlewareStartTimeout, serviceStartTimeout, stopGrace, detach,
                trainClassArchives, dayEndCron, Map.of());
    }

    /** The devstack: default ports and timeouts, detached processes. */
    public static StackSettings devstack(Path workDir, StackPorts ports) {
        return new StackSettings(workDir, ports, RepoRoot.locate(), DEFAULT_MIDDLEWARE_START_TIMEOUT,
                DEFAULT_SERVICE_START_TIMEOUT, DEFAULT_STOP_GRACE, true, true, DEFAULT_DAY_END_CRON);
    }

    /** A stack for the system tests: free ports, its own directory, processes tied to the test run. */
    public static StackSettings forTests(Path workDir) {
        return new StackSettings(workDir, StackPorts.free(), RepoRoot.locate(), DEFAULT_MIDDLEWARE_START_TIMEOUT,
                DEFAULT_SERVICE_START_TIMEOUT, DEFAULT_STOP_GRACE, false, false, DEFAULT_DAY_END_CRON);
    }

    public StackSettings withPorts(StackPorts newPorts) {
        return new StackSettings(workDir, newPorts, repoRoot, middlewareStartTimeout, serviceStartTimeout,
                stopGrace, detach, trainClassArchives, dayEndCron, extras, monitoring);
    }

    public StackSettings withTimeouts(Duration middlewareStart, Duration serviceStart, Duration stop) {
        return new StackSettings(workDir, ports, repoRoot, middlewareStart, serviceStart, stop, detach,
                trainClassArchives, dayEndCron, extras, monitoring);
    }

    public StackSettings withDayEndCron(String cron) {
        return new StackSettings(workDir, ports, repoRoot, middlewareStartTimeout, serviceStartTimeout, stopGrace,
                detach, trainClassArchives, cron, extras, monitoring);
    }

    /** These settings with Prometheus in the stack (when it is installed) or without. */
    public StackSettings withMonitoring(boolean on) {
        return new StackSettings(workDir, ports, repoRoot, middlewareStartTimeout, serviceStartTimeout, stopGrace,
                detach, trainClassArchives, dayEndCron, extras, on);
    }

    /** These settings with {@code more} added to what {@code component} already gets. */
    public StackSettings withExtras(Component component, LaunchExtras more) {
        LaunchExtras before = extras(component);
        LaunchExtras after = new LaunchExtras(concat(before.jvmOptions(), more.jvmOptions()),
                concat(before.args(), more.args()), before.environment());
        for (Map.Entry<String, String> variable : more.environment().entrySet()) {
            after = after.withEnvironment(variable.getKey(), variable.getValue());
        }
        Map<Component, LaunchExtras> all = new EnumMap<>(Component.class);
        all.putAll(extras);
        all.put(component, after);
        return new StackSettings(workDir, ports, repoRoot, middlewareStartTimeout, serviceStartTimeout, stopGrace,
                detach, trainClassArchives, dayEndCron, all, monitoring);
    }

    /** What {@code component} gets on top of the devstack's own command line ({@link LaunchExtras#NONE} if nothing). */
    public LaunchExtras extras(Component component) {
        return extras.getOrDefault(component, LaunchExtras.NONE);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /**
     * The components this stack runs, in declaration order: all of them, an {@link Component#optional() optional}
     * one only when it is installed (Alertmanager: {@link DevstackAlertmanager#binary()}), and Prometheus only when
     * asked for ({@link #monitoring()}) and installed ({@link DevstackPrometheus#binary()}).
     */
    public List<Component> components() {
        boolean alertmanager = DevstackAlertmanager.binary().isPresent();
        boolean prometheus = monitoring && DevstackPrometheus.binary().isPresent();
        return Arrays.stream(Component.values()).filter(c -> c == Component.PROMETHEUS ? prometheus
                : !c.optional() || alertmanager).toList();
    }

    public Path logsDir() {
        return workDir.resolve("logs");
    }

    public Path logFile(Component component) {
        return logsDir().resolve(component.processName() + ".log");
    }

    public Path pidFile(Component component) {
        return workDir.resolve("run").resolve(component.processName() + ".pid");
    }

    public Path dataDir(Component component) {
        return workDir.resolve("data").resolve(component.processName());
    }

    public Path stateFile() {
        return workDir.resolve("devstack.properties");
    }

    public Path lockFile() {
        return workDir.resolve("devstack.lock");
    }

    public Duration startTimeout(Component component) {
        return component.kind() == Component.Kind.SERVICE ? serviceStartTimeout : middlewareStartTimeout;
    }
}
