package io.creditsuite.middleware;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A process started by {@link ProcessLauncher}: wait until it is ready, read its log, stop it.
 *
 * <p>Stopping sends SIGTERM (so JVM shutdown hooks run and, e.g., a broker flushes its store),
 * waits, then sends SIGKILL to the process and to every process it started (a ComponentMain for
 * MariaDB owns a mariadbd child that would otherwise outlive it).
 */
public final class LaunchedProcess implements AutoCloseable {

    /** How long {@link #close()} waits after SIGTERM before SIGKILL; a RocketMQ broker needs ~25 s. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);

    private static final int TAIL_LINES = 40;
    private static final long POLL_MILLIS = 100;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;

    LaunchedProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public Path logFile() {
        return logFile;
    }

    public Path pidFile() {
        return pidFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process has ended. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** The last {@code lines} lines of the process's output. */
    public List<String> tail(int lines) {
        return LogTail.tail(logFile, lines);
    }

    /**
     * Polls {@code check} until it passes. Fails fast, with the log's last lines, when the process
     * dies or the timeout passes.
     */
    public LaunchedProcess awaitReady(ReadinessCheck check, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (true) {
            try {
                if (check.isReady()) {
                    return this;
                }
            } catch (Exception e) {
                lastFailure = e;
            }
            failIfDead(check.description());
            if (System.nanoTime() > deadline) {
                throw failure("not ready after " + timeout.toSeconds() + " s (" + check.description()
                        + (lastFailure != null ? ": last failure " + lastFailure : "") + ")", lastFailure);
            }
            sleep(POLL_MILLIS);
        }
    }

    /**
     * Waits for a line of output matching {@code pattern} (searched with {@link java.util.regex.Matcher#find()})
     * and returns it. Reads the log incrementally, from its start.
     */
    public String awaitLogLine(Pattern pattern, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long position = 0;
        StringBuilder partial = new StringBuilder();
        while (true) {
            boolean dead = !process.isAlive();
            // read what was written so far; after death, one last read catches the final lines
            try {
                if (Files.exists(logFile)) {
                    try (RandomAccessFile raf = new RandomAccessFile(logFile.toFile(), "r")) {
                        long length = raf.length();
                        if (length > position) {
                            byte[] bytes = new byte[(int) Math.min(length - position, 1 << 20)];
                            raf.seek(position);
                            raf.readFully(bytes);
                            position += bytes.length;
                            partial.append(new String(bytes, StandardCharsets.UTF_8));
                            Optional<String> match = completeLines(partial, pattern);
                            if (match.isPresent()) {
                                return match.get();
                            }
                            continue;
                        }
                    }
                }
            } catch (IOException e) {
                throw failure("cannot read its log: " + e, e);
            }
            if (dead) {
                failIfDead("a log line matching /" + pattern + "/");
            }
            if (System.nanoTime() > deadline) {
                throw failure("no log line matching /" + pattern + "/ after " + timeout.toSeconds() + " s", null);
            }
            sleep(POLL_MILLIS);
        }
    }

    /** {@link #awaitLogLine(Pattern, Duration)}, returning this for chaining. */
    public LaunchedProcess awaitLog(Pattern pattern, Duration timeout) {
        awaitLogLine(pattern, timeout);
        return this;
    }

    /**
     * Stops the process: SIGTERM, then SIGKILL to it and its descendants after {@code grace}.
     * Returns the exit code (143 is a clean exit on SIGTERM for a JVM). Removes the pid file.
     */
    public int stop(Duration grace) {
        try {
            if (process.isAlive()) {
                List<ProcessHandle> descendants = new ArrayList<>(process.descendants().toList());
                process.destroy();
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    descendants.addAll(process.descendants().toList());
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
                // children that outlived their parent (killed, or it forgot them) go too
                descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while stopping " + name, e);
        } finally {
            deletePidFile(pidFile);
        }
    }

    /** Stops with {@link #DEFAULT_STOP_GRACE}. */
    @Override
    public void close() {
        stop(DEFAULT_STOP_GRACE);
    }

    /**
     * Stops processes one after the other, in the order given (dependents first), so that, e.g.,
     * services disconnect before the broker they use goes away.
     */
    public static void stopInOrder(List<LaunchedProcess> processes, Duration grace) {
        for (LaunchedProcess process : processes) {
            process.stop(grace);
        }
    }

    /** Stops processes concurrently and waits for all: for processes that do not depend on each other. */
    public static void stopAll(List<LaunchedProcess> processes, Duration grace) {
        CompletableFuture.allOf(processes.stream()
                        .map(process -> CompletableFuture.runAsync(() -> process.stop(grace)))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    /**
     * Stops a process known only by its pid file, e.g. from a later devstack command. Signals it
     * only while its command line still carries {@code -Dcreditsuite.process=<expectedName>}, so a
     * stale pid file never kills an unrelated process that reused the pid.
     *
     * @return true if a matching process was running and has been stopped
     */
    public static boolean stopByPidFile(Path pidFile, String expectedName, Duration grace) {
        Optional<ProcessHandle> handle = runningFromPidFile(pidFile, expectedName);
        if (handle.isEmpty()) {
            deletePidFile(pidFile);
            return false;
        }
        ProcessHandle process = handle.get();
        List<ProcessHandle> descendants = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeoutOrInterrupt) {
            descendants.addAll(process.descendants().toList());
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported below by isAlive
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            throw new IllegalStateException(expectedName + " (pid " + process.pid() + ") survived SIGKILL");
        }
        deletePidFile(pidFile);
        return true;
    }

    /**
     * The process a pid file points at, if it is running and carries the expected marker: on its command line (a
     * JVM) or in its environment (any other executable; see {@link ProcessLauncher}).
     */
    public static Optional<ProcessHandle> runningFromPidFile(Path pidFile, String expectedName) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        String marker = "-D" + ProcessLauncher.PROCESS_MARKER_PROPERTY + "=" + expectedName;
        String variable = ProcessLauncher.PROCESS_MARKER_VARIABLE + "=" + expectedName;
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> commandLine(handle).contains(marker) || environment(handle).contains(variable));
    }

    /** {@code KEY=value} entries of a running process's environment as it was started; empty where unreadable. */
    static List<String> environment(ProcessHandle handle) {
        Path environ = Path.of("/proc", Long.toString(handle.pid()), "environ");
        try {
            return List.of(Files.readString(environ, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | SecurityException e) {
            // another user's process, or no /proc: not ours
            return List.of();
        }
    }

    /**
     * The arguments of a running process. Reads {@code /proc/<pid>/cmdline} where it exists:
     * the JDK's {@code ProcessHandle.Info.arguments()} reports nothing on Linux once a command
     * line passes ~4 KB, and a JVM with a real classpath always does.
     */
    public static List<String> commandLine(ProcessHandle handle) {
        Path cmdline = Path.of("/proc", Long.toString(handle.pid()), "cmdline");
        if (Files.isReadable(cmdline)) {
            try {
                String raw = Files.readString(cmdline, StandardCharsets.UTF_8);
                return List.of(raw.split("\0"));
            } catch (IOException e) {
                return List.of();
            }
        }
        return handle.info().arguments().map(List::of).orElse(List.of());
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ", log " + logFile + ")";
    }

    private void failIfDead(String waitingFor) {
        if (!process.isAlive()) {
            throw failure("exited with code " + process.exitValue() + " while waiting for " + waitingFor, null);
        }
    }

    private ComponentStartException failure(String message, Throwable cause) {
        return new ComponentStartException(name, message + System.lineSeparator()
                + LogTail.tailText(logFile, TAIL_LINES), cause);
    }

    /** Consumes the complete lines of {@code buffer}; returns the first one matching. */
    private static Optional<String> completeLines(StringBuilder buffer, Pattern pattern) {
        int newline;
        while ((newline = buffer.indexOf("\n")) >= 0) {
            String line = buffer.substring(0, newline).replace("\r", "");
            buffer.delete(0, newline + 1);
            if (pattern.matcher(line).find()) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    private static void deletePidFile(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is harmless: stopByPidFile checks the marker
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
