package io.creditsuite.devstack;

import io.creditsuite.middleware.LaunchedProcess;
import io.creditsuite.middleware.LogTail;
import io.creditsuite.middleware.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A branch environment (分布式环境路由) beside a running stack ({@code ./devstack branch}): a second instance of some
 * services, each started with {@code credit-suite.env=<env>} on free ports, on the stack's database, registry, broker
 * and TC. Its Dubbo providers are tagged {@code <env>} and its consumers consume as {@code <group>-<env>}; a request
 * with header {@code X-Env: <env>} at the gateway stays in it across every hop and falls back to the baseline for the
 * services the branch does not run. Each instance is named {@code <service>.<env>} (its log, pid file and directory).
 */
final class BranchEnvironment {
    /** service-support's Environments rule (the service refuses any other at start); here for a fast CLI answer. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");
    static final String ENV_PROPERTY = "credit-suite.env";
    /** {@code run/credit-service.feature-x.pid}: an instance of a branch. */
    private static final Pattern INSTANCE_PID_FILE = Pattern.compile("(?:[a-z]+-service|gateway)\\.(.+)\\.pid");

    /** One running instance of a branch. */
    record Instance(Component service, String env, long pid, int httpPort, int dubboPort) {
        String name() {
            return instanceName(service, env);
        }
    }

    private BranchEnvironment() {
    }

    /** Starts each service of the branch and waits until it is ready; a failed start stops what it started. */
    static List<Instance> up(StackSettings settings, String env, List<Component> services, Progress progress) {
        requireName(env);
        List<Instance> started = new ArrayList<>();
        try {
            for (Component service : services) {
                started.add(start(settings, env, service, progress));
            }
            return List.copyOf(started);
        } catch (RuntimeException e) {
            down(settings, env);
            throw e;
        }
    }

    /** Stops every instance of the branch (SIGTERM, then SIGKILL after the stop grace); returns the names stopped. */
    static List<String> down(StackSettings settings, String env) {
        requireName(env);
        List<String> stopped = new ArrayList<>();
        for (Component service : Component.values()) {
            String name = instanceName(service, env);
            if (LaunchedProcess.stopByPidFile(pidFile(settings, name), name, settings.stopGrace())) {
                stopped.add(name);
            }
        }
        return stopped;
    }

    /** The environments with an instance running in the stack's directory, for {@code down} to stop first. */
    static List<String> running(StackSettings settings) {
        Path run = settings.workDir().resolve("run");
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(run)) {
            return files.map(file -> INSTANCE_PID_FILE.matcher(file.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches).map(match -> match.group(1))
                    .filter(env -> NAME.matcher(env).matches()).distinct().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + run, e);
        }
    }

    private static Instance start(StackSettings settings, String env, Component service, Progress progress) {
        if (service.kind() != Component.Kind.SERVICE) {
            throw new DevstackException(ExitCode.USAGE, service.processName() + " is not a service");
        }
        String name = instanceName(service, env);
        LaunchedProcess.runningFromPidFile(pidFile(settings, name), name).ifPresent(running -> {
            throw new DevstackException(ExitCode.ALREADY_RUNNING, name + " is running (pid " + running.pid() + ")");
        });
        int http = Ports.freePort();
        int dubbo = Ports.freePort();
        Path home = settings.workDir().resolve("data").resolve(name);
        Path log = settings.logsDir().resolve(name + ".log");
        RunnableJars.RunnableJar runnable = RunnableJars.prepare(ServiceJars.execJar(settings.repoRoot(), service));
        progress.note("starting " + name + " on ports " + http + " (http) and " + dubbo + " (dubbo)");
        long began = System.nanoTime();
        LaunchedProcess process;
        try {
            Files.createDirectories(home);
            process = ComponentLaunchers.serviceJava(name, settings, home, runnable, http, dubbo)
                    .args(ComponentLaunchers.serviceOwnArgs(service, settings))
                    .args("--" + ENV_PROPERTY + "=" + env)
                    .workingDirectory(home).logFile(log).pidFile(pidFile(settings, name)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        try {
            process.awaitReady(ReadinessWaits.httpReadiness(http), settings.serviceStartTimeout());
        } catch (RuntimeException e) {
            process.stop(settings.stopGrace());
            throw new DevstackException(ExitCode.FAILED, name + " did not become ready; its log " + log + " ends:"
                    + System.lineSeparator() + String.join(System.lineSeparator(),
                    LogTail.tail(log, StackStarter.FAILURE_TAIL_LINES)), e);
        }
        progress.note(name + " ready after " + Duration.ofNanos(System.nanoTime() - began).toSeconds() + " s (pid "
                + process.pid() + ")");
        return new Instance(service, env, process.pid(), http, dubbo);
    }

    static String instanceName(Component service, String env) {
        return service.processName() + "." + env;
    }

    private static Path pidFile(StackSettings settings, String name) {
        return settings.workDir().resolve("run").resolve(name + ".pid");
    }

    private static void requireName(String env) {
        if (env == null || !NAME.matcher(env).matches()) {
            throw new DevstackException(ExitCode.USAGE, "'" + env + "' is not an environment name: lower-case"
                    + " letters, digits and dashes, at most 32");
        }
    }
}
