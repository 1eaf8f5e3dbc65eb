package io.creditsuite.devstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one component is given on top of what the devstack gives it: JVM options (e.g. {@code -javaagent:...},
 * {@code -Dkey=value}), program arguments (a service takes Spring properties, {@code --key=value}; they come last, so
 * they win over the devstack's own) and environment variables. For tests and operators: e.g. a fault-injection
 * property for credit-service, or an APM agent.
 */
public record LaunchExtras(List<String> jvmOptions, List<String> args, Map<String, String> environment) {

    public static final LaunchExtras NONE = new LaunchExtras(List.of(), List.of(), Map.of());

    public LaunchExtras {
        jvmOptions = List.copyOf(jvmOptions);
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
    }

    public static LaunchExtras args(String... args) {
        return NONE.withArgs(args);
    }

    public static LaunchExtras jvmOptions(String... options) {
        return NONE.withJvmOptions(options);
    }

    public LaunchExtras withArgs(String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return new LaunchExtras(jvmOptions, all, environment);
    }

    public LaunchExtras withJvmOptions(String... more) {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(List.of(more));
        return new LaunchExtras(all, args, environment);
    }

    public LaunchExtras withEnvironment(String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(environment);
        all.put(key, value);
        return new LaunchExtras(jvmOptions, args, all);
    }

    public boolean isEmpty() {
        return jvmOptions.isEmpty() && args.isEmpty() && environment.isEmpty();
    }
}
