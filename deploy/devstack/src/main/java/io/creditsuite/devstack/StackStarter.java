package io.creditsuite.devstack;

import io.creditsuite.middleware.LaunchedProcess;
import io.creditsuite.middleware.LogTail;
import io.creditsuite.middleware.ProcessLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Starts every component of the stack ({@link StackSettings#components()}) as its own OS process, each as soon as
 * what it depends on is ready: MariaDB, ZooKeeper, the name server, the Seata TC and Alertmanager (if installed;
 * else it says so once and starts the rest) at once, the broker after the name server, the five services together
 * once all the middleware is ready.
 *
 * <p>On the first failure nothing new is launched, everything already launched is stopped in
 * order, and the failure is thrown with the failed component's name; the progress shows the end
 * of its log. The same happens when the JVM is interrupted (Ctrl-C) before the stack is ready.
 */
final class StackStarter {

    static final int FAILURE_TAIL_LINES = 30;

    private final StackSettings settings;
    private final Progress progress;
    private final long beganNanos = System.nanoTime();
    private final Object launchLock = new Object();
    private final Map<Component, Long> pids = new ConcurrentHashMap<>();
    private final Map<Component, Duration> readyAfter = new ConcurrentHashMap<>();
    private final CompletableFuture<Component> firstFailure = new CompletableFuture<>();
    private boolean aborted;
    /** Starting is mostly waiting (for processes, ports, log lines): a thread per task. */
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "devstack-start");
        thread.setDaemon(true);
        return thread;
    });

    private StackStarter(StackSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    static RunningStack start(StackSettings settings, Progress progress) {
        return new StackStarter(settings, progress).run();
    }

    private RunningStack run() {
        List<Component> components = settings.components();
        if (!components.contains(Component.ALERTMANAGER)) {
            progress.note(DevstackAlertmanager.NOT_INSTALLED);
        }
        if (settings.monitoring() && !components.contains(Component.PROMETHEUS)) {
            progress.note(DevstackPrometheus.NOT_INSTALLED);
        }
        progress.note("Starting " + components.size() + " components in " + settings.workDir());
        prepareDirectories();
        Thread abortOnExit = new Thread(() -> abort("interrupted"), "devstack-abort");
        Runtime.getRuntime().addShutdownHook(abortOnExit);
        try {
            // unpacking the service jars overlaps the middleware's start
            CompletableFuture<Map<Component, RunnableJars.RunnableJar>> unpacked =
                    CompletableFuture.supplyAsync(this::unpackServices, threads);
            Map<Component, CompletableFuture<Void>> starts = new EnumMap<>(Component.class);
            for (Component component : components) {
                List<CompletableFuture<?>> dependencies = new ArrayList<>();
                component.dependsOn().stream().filter(components::contains)
                        .forEach(dependency -> dependencies.add(starts.get(dependency)));
                if (component.kind() == Component.Kind.SERVICE) {
                    dependencies.add(unpacked);
                }
                starts.put(component, CompletableFuture.allOf(dependencies.toArray(CompletableFuture[]::new))
                        .thenRunAsync(() -> startOne(component, component.kind() == Component.Kind.SERVICE
                                ? unpacked.join().get(component) : null), threads));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(starts.values().toArray(CompletableFuture[]::new));
            CompletableFuture.anyOf(all, firstFailure).exceptionally(e -> null).join();
            if (firstFailure.isDone()) {
                Component failed = firstFailure.join();
                abort(failed.processName() + " failed");
                // the others fail fast now that their processes are gone; wait so no thread outlives us
                all.exceptionally(e -> null).join();
                throw new DevstackException(ExitCode.FAILED, failed.processName() + " did not start; its log: "
                        + settings.logFile(failed) + ". Everything started before it has been stopped.");
            }
            if (isAborted() || all.isCompletedExceptionally()) {
                // Ctrl-C: the shutdown hook has stopped what was started
                throw new DevstackException(ExitCode.FAILED, "The start was interrupted; what it had started "
                        + "is being stopped.");
            }
            return new RunningStack(settings, new EnumMap<>(pids), new EnumMap<>(readyAfter),
                    Duration.ofNanos(System.nanoTime() - beganNanos));
        } finally {
            threads.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(abortOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    private void startOne(Component component, RunnableJars.RunnableJar runnable) {
        LaunchedProcess process;
        ProcessLauncher launcher;
        synchronized (launchLock) {
            if (aborted) {
                throw new CompletionException(new IllegalStateException("not started: the start was aborted"));
            }
            launcher = ComponentLaunchers.launcher(component, settings, runnable);
            progress.starting(component, "ports " + component.boundPorts(settings.ports()).stream()
                    .map(bound -> Integer.toString(bound.port())).toList());
            process = launcher.start();
        }
        long began = System.nanoTime();
        try {
            ReadinessWaits.await(component, process, settings);
        } catch (RuntimeException e) {
            List<String> tail = LogTail.tail(settings.logFile(component), FAILURE_TAIL_LINES);
            fail(component, e, tail.isEmpty()
                    ? List.of("(" + settings.logFile(component) + " is still empty)") : tail);
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        pids.put(component, process.pid());
        readyAfter.put(component, took);
        progress.ready(component, process.pid(), took);
    }

    private boolean isAborted() {
        synchronized (launchLock) {
            return aborted;
        }
    }

    /** Reports the first failure only: what fails after it was stopped by the abort. */
    private void fail(Component component, RuntimeException e, List<String> logTail) {
        synchronized (launchLock) {
            if (!aborted && firstFailure.complete(component)) {
                progress.failed(component, firstLine(e.getMessage()), logTail);
            }
        }
    }

    /** Each service's exec jar unpacked (see {@link RunnableJars}), in parallel; once per build. */
    private Map<Component, RunnableJars.RunnableJar> unpackServices() {
        long began = System.nanoTime();
        Map<Component, CompletableFuture<RunnableJars.RunnableJar>> jobs = new EnumMap<>(Component.class);
        for (Component service : Component.values()) {
            if (service.kind() == Component.Kind.SERVICE) {
                jobs.put(service, CompletableFuture.supplyAsync(() -> {
                    try {
                        return RunnableJars.prepare(ServiceJars.execJar(settings.repoRoot(), service));
                    } catch (RuntimeException e) {
                        fail(service, e, List.of());
                        throw e;
                    }
                }, threads));
            }
        }
        Map<Component, RunnableJars.RunnableJar> jars = new EnumMap<>(Component.class);
        jobs.forEach((service, job) -> jars.put(service, job.join()));
        if (!isAborted() && jars.values().stream().anyMatch(RunnableJars.RunnableJar::unpackedNow)) {
            progress.note("Unpacked the service jars for a faster start (once per build) in "
                    + ConsoleProgress.seconds(Duration.ofNanos(System.nanoTime() - began)));
        }
        return jars;
    }

    /** Launches nothing more and stops, in order, whatever was launched. Idempotent. */
    private void abort(String why) {
        synchronized (launchLock) {
            if (aborted) {
                return;
            }
            aborted = true;
        }
        if (!pids.keySet().containsAll(settings.components())) {
            progress.note("Stopping what was started (" + why + ")");
            StackStopper.stop(settings, progress);
        }
    }

    /**
     * Log and pid directories, the previous run's logs kept as {@code .log.1} (the launcher
     * writes each log afresh), and a fresh ZooKeeper: it is only the service registry here, and
     * the registrations of a stack that was killed would point consumers at dead providers
     * until their sessions expired.
     */
    private void prepareDirectories() {
        try {
            Files.createDirectories(settings.logsDir());
            for (Component component : Component.values()) {
                Path log = settings.logFile(component);
                if (Files.exists(log)) {
                    Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
                }
                Files.createDirectories(settings.dataDir(component));
            }
            deleteRecursively(settings.dataDir(Component.ZOOKEEPER).resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + settings.workDir(), e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "failed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
