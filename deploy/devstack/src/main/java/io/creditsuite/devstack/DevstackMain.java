package io.creditsuite.devstack;

import io.creditsuite.devstack.smoke.GatewayClient;
import io.creditsuite.devstack.smoke.LendingSmoke;
import io.creditsuite.devstack.smoke.SmokeDemo;
import io.creditsuite.devstack.smoke.SmokeReport;
import io.creditsuite.devstack.smoke.SmokeTimeouts;
import io.creditsuite.middleware.RepoRoot;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ./devstack up|down|status|smoke}: see {@link CliArguments#usage()}. Run by the script
 * with the module's classpath file, without Maven and without Spring.
 */
public final class DevstackMain {

    /** Epoch millis when the script began (after any build), so "cold start" includes this JVM's start. */
    static final String STARTED_AT_PROPERTY = "devstack.started-at";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final long startedNanos;

    DevstackMain(PrintStream out, PrintStream err, Map<String, String> env, long startedNanos) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.startedNanos = startedNanos;
    }

    public static void main(String[] args) {
        int status = new DevstackMain(System.out, System.err, System.getenv(), scriptStart()).run(args);
        System.exit(status);
    }

    /** Runs one command and returns the exit status; never calls System.exit (the tests use it). */
    public int run(String... args) {
        try {
            CliArguments arguments = CliArguments.parse(args);
            if ("help".equals(arguments.command())) {
                out.println(CliArguments.usage());
                return ExitCode.OK.status();
            }
            Path root = RepoRoot.locate();
            StackSettings settings = arguments.settings(env, root);
            ExitCode result = switch (arguments.command()) {
                case "up" -> up(settings, arguments.smoke());
                case "down" -> down(settings);
                case "status" -> status(settings);
                case "smoke" -> smoke(settings);
                case "check-up" -> checkUp(settings);
                case "chaos" -> bankTest(settings, arguments.chaos(), new BankKills(settings,
                        arguments.chaos().duration(), arguments.chaos().seed(), out));
                case "rolling-restart" -> bankTest(settings, arguments.chaos(), new RollingRestarts(settings,
                        arguments.chaos().duration(), arguments.chaos().seed(), out));
                case "overload" -> overload(settings, arguments.overload());
                case "branch" -> branch(settings, arguments.branch());
                default -> throw new IllegalStateException(arguments.command());
            };
            return result.status();
        } catch (DevstackException e) {
            err.println(e.getMessage());
            if (e.exitCode() == ExitCode.USAGE) {
                err.println(CliArguments.usage());
            }
            return e.exitCode().status();
        } catch (RuntimeException e) {
            err.println("devstack failed: " + e);
            e.printStackTrace(err);
            return ExitCode.FAILED.status();
        }
    }

    private ExitCode up(StackSettings settings, boolean runSmoke) {
        RunningStack stack = Devstack.up(settings, new ConsoleProgress(out, startedNanos));
        Duration ready = sinceStart();
        out.printf(Locale.ROOT, "All %d components ready after %s.%n", stack.pids().size(), ConsoleProgress.seconds(ready));
        out.println("  Gateway: " + stack.gatewayUrl() + "   (e.g. curl " + stack.gatewayUrl() + "/api/v1/system/ping)");
        out.println("  Workbench: " + settings.ports().workbenchUrl() + "/workbench   (reviewers ann, ben, cat, dan, eve,"
                + " rita, audrey; password demo)");
        if (stack.pids().containsKey(Component.ALERTMANAGER)) {
            out.println("  Alerts:  " + DevstackAlertmanager.url(settings.ports()) + "   (Alertmanager; reconcile-service"
                    + " pushes its discrepancies every 5 s)");
        }
        if (stack.pids().containsKey(Component.PROMETHEUS)) {
            out.println("  Metrics: " + DevstackPrometheus.url(settings.ports()) + "   (Prometheus; every service every 5 s,"
                    + " the rules of deploy/alerting)");
        }
        out.println("  Logs:    " + settings.logsDir() + "/<component>.log");
        out.println("  Stop:    ./devstack down" + dirOption(settings));
        if (!runSmoke) {
            return ExitCode.OK;
        }
        SmokeReport report = SmokeDemo.withLending(new GatewayClient(stack.gatewayUrl()),
                settings.ports().workbenchUrl(), out, SmokeTimeouts.defaults(), operatorToken()).run();
        out.printf(Locale.ROOT, "Cold start: %s until every component was ready, %s including the smoke demo.%n",
                ConsoleProgress.seconds(ready), ConsoleProgress.seconds(sinceStart()));
        if (!report.passed()) {
            out.println("The stack is running, but the smoke demo failed; see the logs above. "
                    + "Re-run it with ./devstack smoke" + dirOption(settings) + ".");
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    /** What up refuses for (already running, ports taken), checked before the script builds. */
    private ExitCode checkUp(StackSettings settings) {
        Preflight.refuseIfRunning(Devstack.status(settings));
        Preflight.refuseTakenPorts(settings);
        return ExitCode.OK;
    }

    private ExitCode down(StackSettings settings) {
        StackStatus before = Devstack.status(settings);
        if (before.noneRunning()) {
            Devstack.down(settings, Progress.silent());
            out.println("Nothing is running in " + settings.workDir() + "; nothing to stop.");
            return ExitCode.OK;
        }
        out.println("Stopping the devstack in " + settings.workDir() + " (" + before.running().size()
                + " running): services (gateway first), Alertmanager, Seata TC, broker, name server, ZooKeeper, database");
        StopReport report = Devstack.down(settings, new ConsoleProgress(out));
        out.printf(Locale.ROOT, "Stopped %d component%s in %s.%n", report.stopped().size(),
                report.stopped().size() == 1 ? "" : "s", ConsoleProgress.seconds(report.took()));
        if (!report.problems().isEmpty()) {
            err.println("Could not stop: " + String.join("; ", report.problems()));
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    private ExitCode status(StackSettings settings) {
        StackStatus status = Devstack.status(settings);
        out.println("credit-suite devstack in " + settings.workDir());
        out.printf(Locale.ROOT, "  %-18s %-8s %-22s %s%n", "component", "pid", "ports", "state");
        for (ComponentStatus component : status.components()) {
            String ports = component.ports().stream().map(port -> Integer.toString(port.port()))
                    .collect(Collectors.joining(", "));
            String state = component.running()
                    ? (component.listening() ? "running" : "running, port " + component.ports().get(0).port() + " not open yet")
                    : component.absent() ? "absent (not installed)"
                    : (component.stalePidFile() ? "not running (stale pid file)" : "not running");
            out.printf(Locale.ROOT, "  %-18s %-8s %-22s %s%n", component.component().processName(),
                    component.pid().isPresent() ? Long.toString(component.pid().getAsLong()) : "-", ports, state);
        }
        out.printf(Locale.ROOT, "%d of %d running.%s%n", status.running().size(), status.expected().size(),
                status.allRunning() ? " Gateway: " + settings.ports().gatewayUrl() : "");
        return status.allRunning() ? ExitCode.OK : ExitCode.FAILED;
    }

    private ExitCode smoke(StackSettings settings) {
        ExitCode running = smokeable(settings);
        if (running != ExitCode.OK) {
            return running;
        }
        SmokeReport report = SmokeDemo.withLending(new GatewayClient(settings.ports().gatewayUrl()),
                settings.ports().workbenchUrl(), out, SmokeTimeouts.defaults(), operatorToken()).run();
        return report.passed() ? ExitCode.OK : ExitCode.FAILED;
    }

    /** OK when every component of the stack runs; else says which do not. */
    private ExitCode smokeable(StackSettings settings) {
        StackStatus status = Devstack.status(settings);
        if (!status.allRunning()) {
            String missing = status.expected().stream().filter(c -> !c.running())
                    .map(c -> c.component().processName()).collect(Collectors.joining(", "));
            err.println("The stack in " + settings.workDir() + " is not (fully) running; not running: " + missing
                    + ". Start it with ./devstack up" + dirOption(settings) + ".");
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    /**
     * The bank test ({@link BankTest}) against the running stack with these faults ({@link BankKills} or
     * {@link RollingRestarts}): FAILED when a check fails.
     */
    private ExitCode bankTest(StackSettings settings, BankTest.Options options, BankFaults faults) {
        ExitCode running = smokeable(settings);
        if (running != ExitCode.OK) {
            return running;
        }
        try {
            BankTest.Result result = new BankTest(settings, operatorToken(), out).run(options, faults);
            BankReport.print(result, out);
            return result.failedChecks() == 0 ? ExitCode.OK : ExitCode.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return ExitCode.FAILED;
        }
    }

    /** The overload run ({@link OverloadRun}) against the running stack: FAILED when a check fails. */
    private ExitCode overload(StackSettings settings, OverloadRun.Options options) {
        ExitCode running = smokeable(settings);
        if (running != ExitCode.OK) {
            return running;
        }
        try {
            OverloadRun.Result result = new OverloadRun(settings, operatorToken(), out).run(options);
            OverloadReport.print(result, out);
            return result.failedChecks() == 0 ? ExitCode.OK : ExitCode.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return ExitCode.FAILED;
        }
    }

    private ExitCode branch(StackSettings settings, CliArguments.Branch branch) {
        if (branch.stop()) {
            List<String> stopped = Devstack.branchDown(settings, branch.env());
            out.println(stopped.isEmpty() ? "Nothing of environment " + branch.env() + " was running."
                    : "Stopped " + String.join(", ", stopped) + ".");
            return ExitCode.OK;
        }
        ExitCode running = smokeable(settings);
        if (running != ExitCode.OK) {
            return running;
        }
        for (BranchEnvironment.Instance instance : Devstack.branchUp(settings, branch.env(), branch.services(),
                new ConsoleProgress(out, startedNanos))) {
            out.printf(Locale.ROOT, "  %s: pid %d, http %d, dubbo %d%n", instance.name(), instance.pid(),
                    instance.httpPort(), instance.dubboPort());
        }
        out.println("Environment " + branch.env() + " is up. Send a request into it with the header X-Env: "
                + branch.env() + " (e.g. to " + settings.ports().gatewayUrl() + "); stop it with ./devstack branch --env "
                + branch.env() + " --stop" + dirOption(settings));
        return ExitCode.OK;
    }

    /** The gateway's operator token: DEVSTACK_OPERATOR_TOKEN when the stack was started with another one. */
    private static String operatorToken() {
        String given = System.getenv("DEVSTACK_OPERATOR_TOKEN");
        return given == null || given.isBlank() ? LendingSmoke.DEVSTACK_OPERATOR_TOKEN : given;
    }

    private String dirOption(StackSettings settings) {
        Path defaultDir = settings.repoRoot().resolve(CliArguments.DEFAULT_DIR);
        return settings.workDir().equals(defaultDir) ? "" : " --dir " + settings.workDir();
    }

    private Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** The script's start when it passed one, else this JVM's. */
    private static long scriptStart() {
        long now = System.nanoTime();
        String startedAt = System.getProperty(STARTED_AT_PROPERTY);
        if (startedAt == null) {
            return now;
        }
        try {
            long ageMillis = System.currentTimeMillis() - Long.parseLong(startedAt.trim());
            return ageMillis >= 0 && ageMillis < 60_000 ? now - ageMillis * 1_000_000 : now;
        } catch (NumberFormatException e) {
            return now;
        }
    }
}
