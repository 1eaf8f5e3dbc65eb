package io.creditsuite.support.env;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Environment routing (分布式环境路由): the baseline environment runs every service; a branch environment
 * ({@code feature-x}) runs only the services it changes. A request tagged for a branch stays in it across every hop
 * and falls back to the baseline where the branch lacks a service:
 * <ul>
 *   <li>HTTP: header {@value #HEADER} ({@link EnvServletFilter}), at the gateway or any service;</li>
 *   <li>Dubbo: Dubbo's own tag routing (attachment {@code dubbo.tag}, providers registered with
 *       {@code dubbo.provider.tag} = the instance's environment), set on every consumer call from the request's
 *       environment ({@link EnvRoutingClusterFilter}) and read back on the provider ({@link EnvDubboFilter});</li>
 *   <li>RocketMQ: user property {@value #MESSAGE_PROPERTY} on every event (the outbox stores it with the fact), and a
 *       consumer group per environment ({@link #consumerGroup}, {@link EnvMessageGate}).</li>
 * </ul>
 * The request's environment lives in the log context ({@value #MDC_KEY}), so it is in every log line, crosses the
 * gateway's fan-out with the rest of the log context, and is read by the outbox at append time. Blank = baseline.
 */
public final class Environments {
    public static final String HEADER = "X-Env";
    public static final String MDC_KEY = "env";
    /** Our own attachment: Dubbo's provider-side ContextFilter strips {@code dubbo.tag} from what a provider sees. */
    public static final String ATTACHMENT = "cs-env";
    public static final String MESSAGE_PROPERTY = "env";
    /** The instance's own environment (blank: baseline); also its Dubbo provider tag. */
    public static final String PROPERTY = "credit-suite.env";
    /** Lower-case letters, digits and dashes, at most 32: safe in a consumer group name, a log line and a header. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");

    private Environments() {
    }

    /** True when {@code name} is a usable environment name. */
    public static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The environment of the work on this thread; empty for the baseline. */
    public static Optional<String> current() {
        String env = MDC.get(MDC_KEY);
        return env == null || env.isEmpty() ? Optional.empty() : Optional.of(env);
    }

    /** Runs {@code work} in environment {@code env} (blank: baseline) and restores the thread's previous one. */
    public static <T> T within(String env, Supplier<T> work) {
        String previous = MDC.get(MDC_KEY);
        set(env);
        try {
            return work.get();
        } finally {
            set(previous);
        }
    }

    static void set(String env) {
        if (env == null || env.isEmpty()) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, env);
        }
    }

    /** The consumer group of {@code group} in environment {@code env}: {@code group-env}, or {@code group} itself. */
    public static String consumerGroup(String group, String env) {
        return env == null || env.isEmpty() ? group : group + "-" + env;
    }

    /** A blank configured environment is the baseline; anything else must be a valid name. */
    public static String instanceEnvironment(String configured) {
        String env = configured == null ? "" : configured.trim();
        if (!env.isEmpty() && !valid(env)) {
            throw new IllegalArgumentException(PROPERTY + " '" + configured + "' is not an environment name:"
                    + " lower-case letters, digits and dashes, at most 32");
        }
        return env;
    }
}
