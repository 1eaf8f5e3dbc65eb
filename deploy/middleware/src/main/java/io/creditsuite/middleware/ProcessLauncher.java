package io.creditsuite.middleware;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Starts an OS process, usually a JVM, with its output in a log file and its pid in a pid file.
 *
 * <p>Used for the Seata TC by the tests, and by the devstack and the system tests for every
 * middleware component and service JVM. Example:
 * <pre>{@code
 * LaunchedProcess zk = ProcessLauncher.java("zookeeper")
 *         .classpath(System.getProperty("java.class.path"))
 *         .mainClass(ComponentMain.class.getName())
 *         .args("zookeeper", "--port", "2181", "--dir", dir.toString())
 *         .jvmOptions("-Xmx128m")
 *         .workingDirectory(dir)
 *         .start()
 *         .awaitLogLine(ComponentMain.readyLine("zookeeper"), Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>Every Java process gets {@code -Dcreditsuite.process=<name>} on its command line, so that
 * {@link LaunchedProcess#stopByPidFile} can check a pid still belongs to the process it wrote
 * before signalling it (pids are reused). Any other executable cannot take an unknown argument
 * (Alertmanager refuses one), so it gets the marker as the environment variable
 * {@code CREDITSUITE_PROCESS=<name>} instead, which Linux shows in {@code /proc/<pid>/environ}.
 */
public final class ProcessLauncher {

    /** The system property that marks a process started by this launcher. */
    public static final String PROCESS_MARKER_PROPERTY = "creditsuite.process";

    /** The environment variable that marks a process that is not a JVM. */
    public static final String PROCESS_MARKER_VARIABLE = "CREDITSUITE_PROCESS";

    private final String name;
    private final List<String> executable;
    private final boolean java;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> args = new ArrayList<>();
    private String classpath;
    private String mainClass;
    private Path workingDirectory;
    private Path logFile;
    private Path pidFile;
    private boolean appendLog;

    private ProcessLauncher(String name, List<String> executable, boolean java) {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("process name must be a simple file name, was " + name);
        }
        this.name = name;
        this.executable = List.copyOf(executable);
        this.java = java;
    }

    /** A JVM run with the same {@code java} as this one. {@code name} names its log and pid files. */
    public static ProcessLauncher java(String name) {
        return new ProcessLauncher(name, List.of(javaExecutable()), true);
    }

    /** Any executable, e.g. {@code List.of("/usr/sbin/mariadbd", "--defaults-file=...")}. */
    public static ProcessLauncher command(String name, List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command for " + name);
        }
        return new ProcessLauncher(name, command, false);
    }

    /** The {@code java} binary of the running JVM. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public ProcessLauncher classpath(String classpath) {
        requireJava("classpath");
        this.classpath = Objects.requireNonNull(classpath, "classpath");
        return this;
    }

    public ProcessLauncher classpath(List<Path> entries) {
        List<String> parts = new ArrayList<>();
        entries.forEach(entry -> parts.add(entry.toAbsolutePath().toString()));
        return classpath(String.join(File.pathSeparator, parts));
    }

    public ProcessLauncher mainClass(String mainClass) {
        requireJava("mainClass");
        this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
        return this;
    }

    /** JVM options such as {@code -Xmx256m}; appended in order. */
    public ProcessLauncher jvmOptions(String... options) {
        requireJava("jvmOptions");
        jvmOptions.addAll(List.of(options));
        return this;
    }

    public ProcessLauncher jvmOptions(List<String> options) {
        return jvmOptions(options.toArray(String[]::new));
    }

    public ProcessLauncher systemProperty(String key, String value) {
        requireJava("systemProperty");
        systemProperties.put(key, value);
        return this;
    }

    /** Program arguments, appended in order after the main class. */
    public ProcessLauncher args(String... arguments) {
        args.addAll(List.of(arguments));
        return this;
    }

    public ProcessLauncher args(List<String> arguments) {
        args.addAll(arguments);
        return this;
    }

    public ProcessLauncher environment(String key, String value) {
        environment.put(key, value);
        return this;
    }

    /** Working directory; also the default home of the log and pid files. Created if missing. */
    public ProcessLauncher workingDirectory(Path directory) {
        this.workingDirectory = directory.toAbsolutePath();
        return this;
    }

    /** Where stdout and stderr go; default {@code <working dir>/<name>.log}. */
    public ProcessLauncher logFile(Path file) {
        this.logFile = file.toAbsolutePath();
        return this;
    }

    /** Where the pid is written; default {@code <working dir>/<name>.pid}. */
    public ProcessLauncher pidFile(Path file) {
        this.pidFile = file.toAbsolutePath();
        return this;
    }

    /** Append to an existing log instead of starting it afresh (a restarted devstack keeps history). */
    public ProcessLauncher appendLog(boolean append) {
        this.appendLog = append;
        return this;
    }

    /** The full command line that {@link #start()} runs. */
    public List<String> command() {
        List<String> command = new ArrayList<>(executable);
        if (java) {
            if (mainClass == null) {
                throw new IllegalStateException("no main class set for " + name);
            }
            command.addAll(jvmOptions);
            command.add("-D" + PROCESS_MARKER_PROPERTY + "=" + name);
            systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            if (classpath != null) {
                command.add("-cp");
                command.add(classpath);
            }
            command.add(mainClass);
        }
        command.addAll(args);
        return command;
    }

    public String name() {
        return name;
    }

    /** Starts the process and writes its pid file. Does not wait for readiness. */
    public LaunchedProcess start() {
        Path dir = workingDirectory != null ? workingDirectory : Path.of("").toAbsolutePath();
        Path log = logFile != null ? logFile : dir.resolve(name + ".log");
        Path pid = pidFile != null ? pidFile : dir.resolve(name + ".pid");
        List<String> command = command();
        try {
            Files.createDirectories(dir);
            Files.createDirectories(log.getParent());
            Files.createDirectories(pid.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile())
                            : ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(environment);
            if (java) {
                // a JVM is marked on its command line; one inherited variable must not mark it as something else
                builder.environment().remove(PROCESS_MARKER_VARIABLE);
            } else {
                builder.environment().put(PROCESS_MARKER_VARIABLE, name);
            }
            Process process = builder.start();
            Files.writeString(pid, process.pid() + System.lineSeparator(), StandardCharsets.US_ASCII);
            return new LaunchedProcess(name, process, log, pid);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " with " + command, e);
        }
    }

    private void requireJava(String what) {
        if (!java) {
            throw new IllegalStateException(what + " applies to Java processes only (" + name + ")");
        }
    }
}
