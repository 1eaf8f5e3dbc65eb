package io.creditsuite.middleware;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * Runs ONE middleware component in this JVM until SIGTERM, for the devstack:
 * <pre>
 * java -cp middleware.jar:... io.creditsuite.middleware.ComponentMain mariadb   --port 3306  --dir .devstack/mariadb
 * java ... ComponentMain zookeeper --port 2181  --dir .devstack/zookeeper
 * java ... ComponentMain namesrv   --port 9876  --dir .devstack/namesrv
 * java ... ComponentMain broker    --port 10911 --dir .devstack/broker --namesrv 127.0.0.1:9876 [--ha-port 10912]
 * </pre>
 * Prints exactly one line {@code READY <component> port=<port>} on stdout once the component is
 * usable (the same readiness checks as the tests use), and {@code FAILED <component>: <reason>}
 * then exits with status 1 if it cannot start. On SIGTERM a shutdown hook stops the component
 * and the JVM exits. The Seata TC is not started here: see {@link SeataTc#command}.
 *
 * <p>No Spring on this path: the devstack starts these with only this module's classpath.
 */
public final class ComponentMain {

    /** The components this main can run. */
    public static final List<String> COMPONENTS = List.of("mariadb", "zookeeper", "namesrv", "broker");

    private static final String LOGBACK_RESOURCE = "io/creditsuite/middleware/component-logback.xml";

    private ComponentMain() {
    }

    /** The readiness line a launcher should wait for, e.g. with {@link LaunchedProcess#awaitLogLine}. */
    public static Pattern readyLine(String component) {
        return Pattern.compile("^READY " + Pattern.quote(component) + " port=\\d+$");
    }

    /**
     * A launcher for {@code component} in its own JVM, on this JVM's classpath (which must hold
     * this module and its dependencies, as the devstack's does), working in {@code dir}, logging
     * to {@code dir/<component>.log}. Wait for it with
     * {@code launcher.start().awaitLog(readyLine(component), timeout)}.
     *
     * @param extraArgs e.g. {@code "--namesrv", "127.0.0.1:9876"} for the broker
     */
    public static ProcessLauncher launcher(String component, int port, Path dir, String... extraArgs) {
        if (!COMPONENTS.contains(component)) {
            throw new IllegalArgumentException("unknown component '" + component + "', expected one of " + COMPONENTS);
        }
        Path absolute = dir.toAbsolutePath();
        return ProcessLauncher.java(component)
                .jvmOptions(jvmOptions(component))
                .classpath(System.getProperty("java.class.path"))
                .mainClass(ComponentMain.class.getName())
                .args(component, "--port", Integer.toString(port), "--dir", absolute.toString())
                .args(extraArgs)
                .workingDirectory(absolute);
    }

    /** Heap sizes measured to be enough with room to spare; SerialGC and C1 start fastest on 2 cores. */
    static List<String> jvmOptions(String component) {
        String heap = switch (component) {
            case "broker" -> "-Xmx384m";
            case "namesrv" -> "-Xmx128m";
            default -> "-Xmx96m";
        };
        return List.of("-Xms32m", heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true", "-Dfile.encoding=UTF-8");
    }

    public static void main(String[] args) {
        // before the first logger exists; never a logback.xml on the classpath, which would
        // also configure every service test that depends on this module
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_RESOURCE);
        }
        PrintStream out = System.out;
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("FAILED: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        EmbeddedComponent component;
        try {
            component = start(options);
        } catch (RuntimeException e) {
            out.println("FAILED " + options.component + ": " + e.getMessage());
            e.printStackTrace(out);
            out.flush();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            component.close();
            out.println("STOPPED " + options.component);
            out.flush();
            stopped.countDown();
        }, "component-stop"));
        out.println("READY " + options.component + " port=" + component.port());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static EmbeddedComponent start(Options options) {
        Path dir = options.dir;
        return switch (options.component) {
            case "mariadb" -> MariaDbServer.start(options.port, dir);
            case "zookeeper" -> EmbeddedZooKeeper.start(options.port, dir);
            case "namesrv" -> RocketMqNameServer.start(options.port, dir);
            case "broker" -> RocketMqBroker.start(options.port, options.haPort, options.require("--namesrv"), dir);
            default -> throw new IllegalArgumentException("unknown component " + options.component);
        };
    }

    static String usage() {
        return "usage: ComponentMain <" + String.join("|", COMPONENTS) + "> --port N --dir DIR"
                + " [--namesrv HOST:PORT (broker)] [--ha-port N (broker, default port+1)]";
    }

    /** Parsed command line. */
    static final class Options {
        final String component;
        final int port;
        final int haPort;
        final Path dir;
        private final Map<String, String> values;

        private Options(String component, Map<String, String> values) {
            this.component = component;
            this.values = values;
            this.port = Ports.requireValid(parsePort(require("--port"), "--port"), "--port");
            this.haPort = values.containsKey("--ha-port")
                    ? Ports.requireValid(parsePort(values.get("--ha-port"), "--ha-port"), "--ha-port")
                    : port + 1;
            this.dir = Path.of(require("--dir")).toAbsolutePath();
        }

        static Options parse(String[] args) {
            if (args.length == 0) {
                throw new IllegalArgumentException("no component given");
            }
            String component = args[0];
            if (!COMPONENTS.contains(component)) {
                throw new IllegalArgumentException("unknown component '" + component + "'");
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 1; i < args.length; i += 2) {
                String key = args[i];
                if (!List.of("--port", "--dir", "--namesrv", "--ha-port").contains(key)) {
                    throw new IllegalArgumentException("unknown option '" + key + "'");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + key + " needs a value");
                }
                values.put(key, args[i + 1]);
            }
            return new Options(component, values);
        }

        String require(String key) {
            String value = values.get(key);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(component + " needs " + key);
            }
            return value;
        }

        private static int parsePort(String value, String key) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a number, was '" + value + "'");
            }
        }
    }
}
