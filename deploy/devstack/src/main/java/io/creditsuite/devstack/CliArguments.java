package io.creditsuite.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The command line of the devstack CLI, parsed; {@link #settings} turns it into
 * {@link StackSettings} with the environment and, for commands that act on a running stack, the
 * ports recorded by the {@code up} that started it.
 */
record CliArguments(String command, Optional<Path> dir, Map<PortName, Integer> ports, boolean freePorts,
                    boolean smoke, Optional<Duration> startTimeout, Optional<Duration> stopTimeout,
                    Optional<String> dayEndCron, boolean monitoring, Optional<Path> javaAgent, BankTest.Options chaos,
                    OverloadRun.Options overload, Branch branch) {

    /** {@code branch}: the environment, the services it runs (credit, reconcile, ...), or stop it. */
    record Branch(String env, List<Component> services, boolean stop) {
    }

    /** {@code check-up} is the script's own: up's refusals, before it spends time on a build. */
    static final List<String> COMMANDS = List.of("up", "down", "status", "smoke", "chaos", "rolling-restart", "overload",
            "branch", "help", "check-up");
    static final String DIR_ENV = "DEVSTACK_DIR";
    static final String DEFAULT_DIR = ".devstack";
    static final String DAY_END_CRON_ENV = "DEVSTACK_DAY_END_CRON";
    /** What {@code --day-end-cron} takes to schedule no cutover at all. */
    static final String NO_DAY_END = "off";

    static CliArguments parse(String... args) {
        String command = "up";
        int first = 0;
        if (args.length > 0 && !args[0].startsWith("-")) {
            command = args[0];
            first = 1;
        }
        if (List.of("-h", "--help").contains(command)) {
            command = "help";
        }
        if (!COMMANDS.contains(command)) {
            throw usage("unknown command '" + command + "'");
        }
        Optional<Path> dir = Optional.empty();
        Map<PortName, Integer> ports = new EnumMap<>(PortName.class);
        boolean freePorts = false;
        boolean smoke = true;
        Optional<Duration> startTimeout = Optional.empty();
        Optional<Duration> stopTimeout = Optional.empty();
        Optional<String> dayEndCron = Optional.empty();
        boolean monitoring = false;
        Optional<Path> javaAgent = Optional.empty();
        int clients = 4;
        long minutes = 3;
        long seed = 42;
        long rate = 20;
        long factor = 10;
        long overloadSeconds = 60;
        long baselineSeconds = 15;
        String env = null;
        List<Component> services = List.of(Component.CREDIT);
        boolean stop = false;
        for (int i = first; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--dir" -> dir = Optional.of(Path.of(value(args, ++i, arg)));
                case "--port" -> {
                    String[] keyValue = value(args, ++i, arg).split("=", 2);
                    if (keyValue.length != 2) {
                        throw usage("--port takes KEY=N, e.g. --port gateway=9080");
                    }
                    PortName name = PortName.byKey(keyValue[0].trim())
                            .orElseThrow(() -> usage("unknown port '" + keyValue[0] + "'; keys: " + portKeys()));
                    ports.put(name, port(keyValue[1], "--port " + name.key()));
                }
                case "--free-ports" -> freePorts = true;
                case "--no-smoke" -> smoke = false;
                case "--with-monitoring" -> monitoring = true;
                case "--java-agent" -> javaAgent = Optional.of(Path.of(value(args, ++i, arg)));
                case "--start-timeout" -> startTimeout = Optional.of(seconds(value(args, ++i, arg), arg));
                case "--stop-timeout" -> stopTimeout = Optional.of(seconds(value(args, ++i, arg), arg));
                case "--day-end-cron" -> dayEndCron = Optional.of(cron(value(args, ++i, arg), arg));
                case "--clients" -> clients = (int) whole(value(args, ++i, arg), arg, 1, 64);
                case "--minutes" -> minutes = whole(value(args, ++i, arg), arg, 1, 24 * 60);
                case "--seed" -> seed = whole(value(args, ++i, arg), arg, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--rate" -> rate = whole(value(args, ++i, arg), arg, 1, 10_000);
                case "--factor" -> factor = whole(value(args, ++i, arg), arg, 1, 100);
                case "--seconds" -> overloadSeconds = whole(value(args, ++i, arg), arg, 1, 3_600);
                case "--baseline" -> baselineSeconds = whole(value(args, ++i, arg), arg, 1, 3_600);
                case "--env" -> env = value(args, ++i, arg);
                case "--services" -> services = services(value(args, ++i, arg));
                case "--stop" -> stop = true;
                case "-h", "--help" -> command = "help";
                default -> throw usage("unknown option '" + arg + "'");
            }
        }
        return new CliArguments(command, dir, ports, freePorts, smoke, startTimeout, stopTimeout, dayEndCron,
                monitoring, javaAgent, new BankTest.Options(clients, Duration.ofMinutes(minutes), seed),
                new OverloadRun.Options(rate, factor, Duration.ofSeconds(overloadSeconds),
                        Duration.ofSeconds(baselineSeconds), seed),
                branch(command, env, services, stop));
    }

    private static Branch branch(String command, String env, List<Component> services, boolean stop) {
        if (!command.equals("branch")) {
            return null;
        }
        if (env == null) {
            throw usage("branch needs --env NAME, e.g. --env feature-x");
        }
        return new Branch(env, services, stop);
    }

    /** {@code credit,reconcile}: services by short name (credit, account, approval, reconcile, gateway). */
    private static List<Component> services(String text) {
        List<Component> services = new java.util.ArrayList<>();
        for (String name : text.split(",")) {
            Component service = Component.byName(name.trim() + "-service").or(() -> Component.byName(name.trim()))
                    .filter(c -> c.kind() == Component.Kind.SERVICE)
                    .orElseThrow(() -> usage("--services takes service names (credit, account, approval, reconcile,"
                            + " gateway), was '" + name + "'"));
            if (!services.contains(service)) {
                services.add(service);
            }
        }
        return List.copyOf(services);
    }

    /**
     * Settings for this command. Ports: for {@code up}, the defaults (or free ones with
     * {@code --free-ports}), then {@code DEVSTACK_PORT_*}, then {@code --port}; for the other
     * commands, what the last {@code up} in the directory recorded, then {@code --port}.
     */
    StackSettings settings(Map<String, String> env, Path repoRoot) {
        Path workDir = dir.or(() -> Optional.ofNullable(env.get(DIR_ENV)).filter(value -> !value.isBlank()).map(Path::of))
                .map(path -> path.isAbsolute() ? path : Path.of("").toAbsolutePath().resolve(path))
                .orElse(repoRoot.resolve(DEFAULT_DIR));
        StackPorts configured = fromEnvironment(freePorts ? StackPorts.free() : StackPorts.defaults(), env);
        StackPorts base = command.endsWith("up") ? configured
                : StateFile.read(workDir.resolve("devstack.properties"), configured).orElse(configured);
        for (Map.Entry<PortName, Integer> override : ports.entrySet()) {
            base = base.with(override.getKey(), override.getValue());
        }
        StackSettings settings = new StackSettings(workDir, base, repoRoot,
                StackSettings.DEFAULT_MIDDLEWARE_START_TIMEOUT, StackSettings.DEFAULT_SERVICE_START_TIMEOUT,
                StackSettings.DEFAULT_STOP_GRACE, true, true, StackSettings.DEFAULT_DAY_END_CRON);
        String cron = dayEndCron.or(() -> Optional.ofNullable(env.get(DAY_END_CRON_ENV)).filter(value -> !value.isBlank())
                .map(value -> cron(value, DAY_END_CRON_ENV))).orElse(StackSettings.DEFAULT_DAY_END_CRON);
        StackSettings result = settings.withTimeouts(startTimeout.orElse(settings.middlewareStartTimeout()),
                startTimeout.orElse(settings.serviceStartTimeout()), stopTimeout.orElse(settings.stopGrace()))
                .withDayEndCron(NO_DAY_END.equals(cron) ? "" : cron)
                // the other commands see the Prometheus an up --with-monitoring started by its pid file
                .withMonitoring(command.endsWith("up") ? monitoring
                        : Files.exists(settings.pidFile(Component.PROMETHEUS)));
        return javaAgent.filter(jar -> command.equals("up")).map(jar -> JavaAgent.attach(result, jar)).orElse(result);
    }

    private static StackPorts fromEnvironment(StackPorts ports, Map<String, String> env) {
        StackPorts result = ports;
        for (PortName name : PortName.values()) {
            String value = env.get(name.environmentVariable());
            if (value != null && !value.isBlank()) {
                result = result.with(name, port(value, name.environmentVariable()));
            }
        }
        return result;
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: ./devstack [up|down|status|smoke|chaos|rolling-restart|overload|branch|help] [options]",
                "  up      build if needed, start middleware and the five services, run the smoke demo (default)",
                "  down    stop everything in order: services (gateway first), Seata TC, broker, name server,",
                "          ZooKeeper, database",
                "  status  each component: pid, ports, running or not",
                "  smoke   run the smoke demo against the running stack",
                "  chaos   the bank test against the running stack: N signed partner clients draw down, repay,",
                "          hold and release on customers sharing one guarantee and one funding account (some",
                "          requests retried with the same Idempotency-Key) while each service, the Seata TC, the",
                "          broker and the database are killed with SIGKILL once and restarted; once drained, checks",
                "          every answer against the databases, the ledger, the limits (flow log replay) and a BCP",
                "          full check; prints a table and BENCH bank-test ...; exit 1 when a check fails",
                "  rolling-restart  the bank test with a rolling restart instead of kills: each service in turn",
                "          stopped with SIGTERM (it drains and exits by itself within the stop grace) and started",
                "          again; the same checks, and that no service had to be killed; BENCH rolling-restart ...",
                "  overload  a fresh lender's partner key limited to --rate requests/s (the gateway's flow limits",
                "          file, put back afterwards); the bank test's requests sent open loop at that rate for",
                "          --baseline seconds, then --factor times it for --seconds; every refusal must be a 429",
                "          or 503 problem+json, the suite must stay up and the bank test's checks pass; prints",
                "          the admitted requests' p50/p99 at 1x and at the factor and BENCH overload ...",
                "  branch  a branch environment beside the running stack: --env NAME starts a second instance of",
                "          each of --services (default credit) in it; requests with header X-Env: NAME stay in it,",
                "          falling back to the baseline for the others; --stop stops it (down stops it too)",
                "options:",
                "  --dir DIR            working directory: logs/, run/ (pid files), data/ (default .devstack in",
                "                       the repository, or $" + DIR_ENV + ")",
                "  --port KEY=N         move one port (repeatable; or DEVSTACK_PORT_<KEY>=N, e.g.",
                "                       DEVSTACK_PORT_GATEWAY_DUBBO=21880). Keys and defaults:",
                "                       " + Arrays.stream(PortName.values())
                        .map(name -> name.key() + "=" + name.defaultPort()).collect(Collectors.joining(" ")),
                "  --free-ports         up: free ports instead of the defaults (status, smoke and down read",
                "                       the ports back from DIR/devstack.properties)",
                "  --no-smoke           up: skip the smoke demo",
                "  --with-monitoring    up: also run Prometheus (Debian package prometheus, when installed),",
                "                       scraping every service and evaluating deploy/alerting's rules",
                "  --java-agent JAR     up: attach this -javaagent (SkyWalking's skywalking-agent.jar) to each",
                "                       service, named after itself, without class-data-sharing archives;",
                "                       collector: $SW_AGENT_COLLECTOR_BACKEND_SERVICES (default 127.0.0.1:11800)",
                "  --start-timeout S    seconds each component may take to become ready (default 120 for",
                "                       middleware, 180 for services)",
                "  --stop-timeout S     seconds after SIGTERM before SIGKILL, per component (default 75: above a",
                "                       service's longest drain, 70 s)",
                "  --clients N          chaos, rolling-restart: partner clients (default 4)",
                "  --minutes M          chaos, rolling-restart: minutes the clients run at least (default 3;",
                "                       longer when the restarts take longer)",
                "  --seed S             chaos, rolling-restart, overload: the seed of the clients' choices,",
                "                       retries, kills and restarts (default 42)",
                "  --rate R             overload: the partner key's requests/s, and the baseline's (default 20)",
                "  --factor F           overload: the overload phase sends F x the rate (default 10)",
                "  --seconds S          overload: seconds of the overload phase (default 60)",
                "  --baseline S         overload: seconds of the baseline at 1x before it (default 15)",
                "  --env NAME           branch: the environment (lower-case letters, digits, dashes)",
                "  --services LIST      branch: the services it runs, e.g. credit,reconcile (default credit)",
                "  --stop               branch: stop the environment's instances",
                "  --day-end-cron CRON  up: when account-service runs the day-end cutover (日切) of the date in",
                "                       force: a Spring cron of six fields, the machine's time zone (or $"
                        + DAY_END_CRON_ENV + "); default",
                "                       '" + StackSettings.DEFAULT_DAY_END_CRON + "' (midnight, as in production); '"
                        + NO_DAY_END + "': only when a caller triggers it",
                "exit status: 0 ok, 1 failed, 2 usage, 3 already running, 4 port in use, 5 not built,",
                "             6 another up/down is running on DIR");
    }

    private static String portKeys() {
        return Arrays.stream(PortName.values()).map(PortName::key).collect(Collectors.joining(", "));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw usage(option + " needs a value");
        }
        return args[index];
    }

    private static int port(String text, String what) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 1 || port > 65535) {
                throw usage(what + " must be between 1 and 65535, was " + port);
            }
            return port;
        } catch (NumberFormatException e) {
            throw usage(what + " must be a number, was '" + text + "'");
        }
    }

    private static long whole(String text, String option, long min, long max) {
        try {
            long value = Long.parseLong(text.trim());
            if (value < min || value > max) {
                throw usage(option + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw usage(option + " takes a whole number, was '" + text + "'");
        }
    }

    private static Duration seconds(String text, String option) {
        try {
            long seconds = Long.parseLong(text.trim());
            if (seconds < 1) {
                throw usage(option + " must be at least 1 second");
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw usage(option + " takes whole seconds, was '" + text + "'");
        }
    }

    /** Six whitespace-separated fields (Spring's cron; account-service parses it), or {@value #NO_DAY_END}. */
    private static String cron(String text, String option) {
        String cron = text.trim();
        if (!cron.equals(NO_DAY_END) && cron.split("\\s+").length != 6) {
            throw usage(option + " takes a cron of six fields (second minute hour day month weekday), e.g. '"
                    + StackSettings.DEFAULT_DAY_END_CRON + "', or '" + NO_DAY_END + "'; was '" + text + "'");
        }
        return cron;
    }

    private static DevstackException usage(String message) {
        return new DevstackException(ExitCode.USAGE, message);
    }
}
