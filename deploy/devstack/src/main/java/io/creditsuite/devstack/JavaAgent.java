package io.creditsuite.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./devstack up --java-agent PATH}: the SkyWalking Java agent (or any {@code -javaagent} jar) attached to each
 * of the five services, each reporting under its own name ({@code skywalking.agent.service_name} = the process name),
 * to the collector of {@code SW_AGENT_COLLECTOR_BACKEND_SERVICES} (the agent's default: 127.0.0.1:11800). The agent
 * ignores what would flood the trace list (the trace-ignore plugin's paths: health checks, scrapes, an idle poller's
 * first JDBC or pool call), as the manifests' agents do. A service with an agent runs without its class-data-sharing
 * archive: with one, the agent crashes the JVM (SIGSEGV in KlassFactory::check_shared_class_file_load_hook, JDK 17).
 */
final class JavaAgent {
    static final String IGNORE_PATHS = "/actuator/**,GET:/actuator/**,Mysql/JDBC/**,HikariCP/**";
    private static final List<Component> SERVICES = List.of(Component.CREDIT, Component.ACCOUNT, Component.APPROVAL,
            Component.RECONCILE, Component.GATEWAY);

    private JavaAgent() {
    }

    /** {@code settings} with the agent at {@code jar} added to every service's JVM options. */
    static StackSettings attach(StackSettings settings, Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new DevstackException(ExitCode.USAGE, "--java-agent " + jar + ": no such file (the agent's"
                    + " skywalking-agent.jar, with its plugins/ folder beside it)");
        }
        StackSettings result = settings;
        for (Component service : SERVICES) {
            result = result.withExtras(service, LaunchExtras.jvmOptions("-javaagent:" + jar.toAbsolutePath(),
                    "-Dskywalking.agent.service_name=" + service.processName(),
                    "-Dskywalking.trace.ignore_path=" + IGNORE_PATHS));
        }
        return result;
    }

    /** Whether this component's JVM runs with an agent (then without a class-data-sharing archive). */
    static boolean attached(StackSettings settings, Component component) {
        return settings.extras(component).jvmOptions().stream().anyMatch(option -> option.startsWith("-javaagent:"));
    }
}
