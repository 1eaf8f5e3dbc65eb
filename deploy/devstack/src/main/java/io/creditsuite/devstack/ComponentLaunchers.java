package io.creditsuite.devstack;

import io.creditsuite.middleware.ComponentMain;
import io.creditsuite.middleware.Ports;
import io.creditsuite.middleware.ProcessLauncher;
import io.creditsuite.middleware.SeataTc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of each component. Middleware runs {@link ComponentMain} on this JVM's own
 * classpath (deploy/middleware and its dependencies); the Seata TC runs on its own classpath
 * ({@link SeataTc}); each service runs its exec jar with every middleware address moved by the
 * one set of {@code credit-suite.middleware.*} properties.
 */
final class ComponentLaunchers {

    /**
     * Five Spring Boot services on two cores: C1 only and the serial collector start fastest
     * (STACK_NOTES: 27 s for five at once with the defaults, 13 s with these two), 384 MB of heap is several times what an idle service uses, and
     * small thread stacks matter with Dubbo's, Tomcat's and RocketMQ's thread pools.
     */
    static final List<String> SERVICE_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx384m", "-Xss512k", "-XX:MaxMetaspaceSize=256m", "-XX:ReservedCodeCacheSize=64m",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Djava.net.preferIPv4Stack=true", "-Dfile.encoding=UTF-8");

    /** The middleware JVMs only relay (MariaDB) or hold small in-memory state (ZooKeeper, name server). */
    private static final List<String> MIDDLEWARE_JVM_OPTIONS = List.of(
            "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Djava.net.preferIPv4Stack=true", "-Dfile.encoding=UTF-8");

    private ComponentLaunchers() {
    }

    /**
     * A launcher with the component's log, pid file and working directory from {@code settings}.
     *
     * @param runnable what to run for a service (see {@link RunnableJars}); ignored for middleware
     */
    static ProcessLauncher launcher(Component component, StackSettings settings, RunnableJars.RunnableJar runnable) {
        ProcessLauncher java = switch (component) {
            case MARIADB, ZOOKEEPER, NAMESRV, BROKER -> middleware(component, settings);
            case SEATA_TC -> SeataTc.launcher(settings.ports().get(PortName.SEATA),
                    settings.ports().get(PortName.SEATA_CONSOLE), settings.ports().get(PortName.SEATA_METRICS),
                    settings.dataDir(component));
            case ALERTMANAGER -> DevstackAlertmanager.launcher(settings);
            case PROMETHEUS -> DevstackPrometheus.launcher(settings);
            case CREDIT, ACCOUNT, APPROVAL, RECONCILE, GATEWAY -> service(component, settings, runnable);
        };
        LaunchExtras extras = settings.extras(component);
        // after the devstack's own: a later JVM option or Spring argument wins (Alertmanager takes no JVM option,
        // and its launcher says so when given one)
        if (!extras.jvmOptions().isEmpty()) {
            java.jvmOptions(extras.jvmOptions());
        }
        java.args(extras.args());
        List<String> command = new ArrayList<>(java.command());
        Optional<String> classpath = takeClasspathOption(command);
        if (settings.detach()) {
            // a session of its own: neither closing the terminal (SIGHUP) nor Ctrl-C in it reaches
            // the stack. setsid execs in place (a launched process is never a process group
            // leader), so the pid stays the JVM's.
            command.add(0, "setsid");
        }
        ProcessLauncher launcher = ProcessLauncher.command(component.processName(), command)
                .workingDirectory(settings.dataDir(component))
                .logFile(settings.logFile(component))
                .pidFile(settings.pidFile(component));
        classpath.ifPresent(value -> launcher.environment("CLASSPATH", value));
        extras.environment().forEach(launcher::environment);
        return launcher;
    }

    /**
     * Removes {@code -cp X} from a java command line and returns X, to be passed as the
     * CLASSPATH environment variable instead. Why: the JDK reads only the first page (4 KB) of
     * /proc/PID/cmdline for {@link ProcessHandle.Info#arguments()} and reports no arguments at all
     * for a longer command line; with a classpath of a hundred jars the
     * {@code -Dcreditsuite.process=} marker would then be invisible, and a later
     * {@code status} or {@code down} could not recognise the process as ours.
     */
    static Optional<String> takeClasspathOption(List<String> command) {
        int option = command.indexOf("-cp");
        if (option < 0 || option + 1 >= command.size()) {
            return Optional.empty();
        }
        String classpath = command.get(option + 1);
        command.subList(option, option + 2).clear();
        return Optional.of(classpath);
    }

    private static ProcessLauncher middleware(Component component, StackSettings settings) {
        StackPorts ports = settings.ports();
        List<String> args = new ArrayList<>(List.of(component.processName(),
                "--port", Integer.toString(component.primaryPort(ports)),
                "--dir", settings.dataDir(component).toString()));
        if (component == Component.BROKER) {
            args.addAll(List.of("--namesrv", ports.address(PortName.NAMESRV),
                    "--ha-port", Integer.toString(ports.get(PortName.BROKER_HA))));
        }
        return ProcessLauncher.java(component.processName())
                .jvmOptions(heapOf(component))
                .jvmOptions(MIDDLEWARE_JVM_OPTIONS)
                .classpath(System.getProperty("java.class.path"))
                .mainClass(ComponentMain.class.getName())
                .args(args);
    }

    private static List<String> heapOf(Component component) {
        return switch (component) {
            // the Java side of MariaDB only supervises mariadbd
            case MARIADB -> List.of("-Xms16m", "-Xmx64m");
            // the broker's store is memory-mapped files, outside the heap
            case BROKER -> List.of("-Xms64m", "-Xmx256m", "-XX:MaxDirectMemorySize=128m");
            default -> List.of("-Xms32m", "-Xmx128m");
        };
    }

    /**
     * What one service alone is told: account-service runs the day-end cutover on the devstack's schedule;
     * approval-service adds the demo reviewers (local staff, never in production); approval-service and the gateway
     * accept decision callbacks over plain http to loopback hosts (the smoke demo's receiver; refused in prod);
     * reconcile-service pushes its discrepancies to the stack's Alertmanager, if it has one, every 5 s; the gateway
     * reads its partner API's flow limits from {@link #flowLimitsFile} (the shipped limits at first; edit it and the
     * running gateway applies it within 2 s).
     */
    /** The devstack gateway's flow limits: {@code data/gateway/flow-limits.json}. */
    static java.nio.file.Path flowLimitsFile(StackSettings settings) {
        return settings.dataDir(Component.GATEWAY).resolve("flow-limits.json");
    }

    static List<String> serviceOwnArgs(Component service, StackSettings settings) {
        if (service == Component.ACCOUNT && !settings.dayEndCron().isEmpty()) {
            return List.of("--credit-suite.day-end.cron=" + settings.dayEndCron());
        }
        if (service == Component.APPROVAL) {
            return List.of("--credit-suite.approval.demo-staff.enabled=true",
                    "--credit-suite.approval.callbacks.allow-loopback-http=true");
        }
        if (service == Component.GATEWAY) {
            return List.of("--credit-suite.gateway.callbacks.allow-loopback-http=true",
                    "--credit-suite.gateway.flow.rules-file=" + flowLimitsFile(settings));
        }
        if (service == Component.RECONCILE) {
            return DevstackAlertmanager.reconcileArgs(settings);
        }
        return List.of();
    }

    private static ProcessLauncher service(Component service, StackSettings settings,
                                           RunnableJars.RunnableJar runnable) {
        List<PortName> servicePorts = service.ports();
        return serviceJava(service.processName(), settings, settings.dataDir(service), runnable,
                settings.ports().get(servicePorts.get(0)), settings.ports().get(servicePorts.get(1)))
                .jvmOptions(ClassDataSharing.jvmOptions(service, runnable, settings))
                .args(serviceOwnArgs(service, settings));
    }

    /**
     * A service's JVM on the stack's middleware: {@code name} is its process marker, {@code home} its directory (Dubbo's
     * registry cache and RocketMQ's client logs go under user.home: two instances never share a file).
     */
    static ProcessLauncher serviceJava(String name, StackSettings settings, java.nio.file.Path home,
                                       RunnableJars.RunnableJar runnable, int httpPort, int dubboPort) {
        StackPorts ports = settings.ports();
        return ProcessLauncher.java(name)
                .jvmOptions(SERVICE_JVM_OPTIONS)
                .systemProperty("user.home", home.toString())
                .classpath(runnable.classpath().toString())
                .mainClass(runnable.mainClass())
                .args("--server.port=" + httpPort,
                        "--dubbo.protocol.port=" + dubboPort,
                        "--credit-suite.middleware.db-host=" + Ports.LOOPBACK,
                        "--credit-suite.middleware.db-port=" + ports.get(PortName.DB),
                        "--credit-suite.middleware.db-user=root",
                        "--credit-suite.middleware.db-password=",
                        "--credit-suite.middleware.zookeeper=" + ports.address(PortName.ZOOKEEPER),
                        "--credit-suite.middleware.name-server=" + ports.address(PortName.NAMESRV),
                        "--credit-suite.middleware.seata-tc=" + ports.address(PortName.SEATA));
    }
}
