package io.creditsuite.devstack;

import io.creditsuite.middleware.LaunchedProcess;
import io.creditsuite.middleware.LogTail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One component of a running stack killed as a crash kills it, and started again as {@code up} started it: the
 * fault tests' tools ({@code LendingFaultsIT}). A kill is SIGKILL to the process and everything it started (a
 * MariaDB's mariadbd too): no shutdown hook runs, nothing is flushed or unregistered; a graceful stop is SIGTERM, as
 * {@code down} stops it. A restart uses the same
 * settings (ports, extras), the same working directory (a TC reloads its session store, a database its files) and
 * waits for the same readiness as {@code up}.
 */
final class ComponentFaults {
    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    private ComponentFaults() {
    }

    /** Returns the pid killed. Throws when the component is not running. */
    static long kill(StackSettings settings, Component component) {
        String name = component.processName();
        ProcessHandle process = LaunchedProcess.runningFromPidFile(settings.pidFile(component), name)
                .orElseThrow(() -> new DevstackException(ExitCode.FAILED, name + " is not running in "
                        + settings.workDir() + ": nothing to kill"));
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process);
        all.addAll(process.descendants().toList());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception notYet) {
                // reported below
            }
        }
        List<Long> survivors = all.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
        if (!survivors.isEmpty()) {
            throw new DevstackException(ExitCode.FAILED, name + ": pids " + survivors + " survived SIGKILL");
        }
        deleteQuietly(settings.pidFile(component));
        return process.pid();
    }

    /**
     * Stops one component as {@code down} does: SIGTERM (its shutdown hooks run: Dubbo unregisters and waits for calls
     * in progress, Spring's graceful shutdown, the services' queues drain), SIGKILL only after
     * {@link StackSettings#stopGrace} ({@link ClassDataSharing#TRAINING_GRACE} when it writes its class data archive at
     * exit, which is then kept if it exited by itself). {@code forced} says it had to be killed. Throws when it is not
     * running.
     */
    static StopReport.Stopped stopGracefully(StackSettings settings, Component component, Progress progress) {
        String name = component.processName();
        long pid = LaunchedProcess.runningFromPidFile(settings.pidFile(component), name)
                .orElseThrow(() -> new DevstackException(ExitCode.FAILED, name + " is not running in "
                        + settings.workDir() + ": nothing to stop")).pid();
        boolean training = ClassDataSharing.training(component, settings);
        Duration grace = training && settings.stopGrace().compareTo(ClassDataSharing.TRAINING_GRACE) < 0
                ? ClassDataSharing.TRAINING_GRACE : settings.stopGrace();
        progress.stopping(component, pid);
        long began = System.nanoTime();
        LaunchedProcess.stopByPidFile(settings.pidFile(component), name, grace);
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        boolean forced = took.compareTo(grace) >= 0;
        if (training && ClassDataSharing.afterStop(component, settings, !forced)) {
            progress.note(name + " wrote its class data archive: its next start needs less CPU");
        }
        progress.stopped(component, pid, took, forced);
        return new StopReport.Stopped(component, pid, took, forced);
    }

    /**
     * Starts a component that is not running and waits until it is ready. Its previous log is kept as
     * {@code <name>.log.1} (as {@code up} does), so the readiness wait never reads the old run's lines.
     */
    static RestartedComponent restart(StackSettings settings, Component component, Progress progress) {
        String name = component.processName();
        LaunchedProcess.runningFromPidFile(settings.pidFile(component), name).ifPresent(running -> {
            throw new DevstackException(ExitCode.ALREADY_RUNNING, name + " is running (pid " + running.pid()
                    + "); kill or stop it first");
        });
        List<String> taken = component.boundPorts(settings.ports()).stream()
                .filter(bound -> !Preflight.canListen(bound.port()))
                .map(bound -> bound.port() + " (" + bound.label() + ")").toList();
        if (!taken.isEmpty()) {
            throw new DevstackException(ExitCode.PORT_IN_USE, "Cannot restart " + name + ": ports " + taken
                    + " are in use");
        }
        keepPreviousLog(settings.logFile(component));
        RunnableJars.RunnableJar runnable = component.kind() == Component.Kind.SERVICE
                ? RunnableJars.prepare(ServiceJars.execJar(settings.repoRoot(), component)) : null;
        progress.starting(component, "restart, ports " + component.boundPorts(settings.ports()).stream()
                .map(bound -> Integer.toString(bound.port())).toList());
        long began = System.nanoTime();
        LaunchedProcess process = ComponentLaunchers.launcher(component, settings, runnable).start();
        try {
            ReadinessWaits.await(component, process, settings);
        } catch (RuntimeException e) {
            progress.failed(component, e.getMessage(), LogTail.tail(settings.logFile(component),
                    StackStarter.FAILURE_TAIL_LINES));
            process.stop(settings.stopGrace());
            throw new DevstackException(ExitCode.FAILED, name + " did not become ready again; its log: "
                    + settings.logFile(component), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        progress.ready(component, process.pid(), took);
        return new RestartedComponent(component, process.pid(), took);
    }

    private static void keepPreviousLog(Path log) {
        try {
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep " + log, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale pid file is harmless: the marker check ignores it
        }
    }
}
