package io.creditsuite.support.env;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What environment routing did, counted (Dubbo creates its filters itself, so Spring hands the registry over here,
 * {@link MeterBinder}):
 * <ul>
 *   <li>{@code env_fallbacks_total{env, kind, target}}, each also logged: kind {@code rpc}, a call for a branch served
 *       by the baseline provider of {@code target} (the interface); kind {@code mq}, an event of a branch consumed by
 *       the baseline group {@code target}, the branch having no consumer online;</li>
 *   <li>{@code env_messages_total{group, env, decision}}: each event a consumer group saw, {@code consumed} or
 *       {@code skipped} (another environment's), {@code env} the event's ({@code base}: the baseline).</li>
 * </ul>
 */
public final class EnvRoutingMetrics implements MeterBinder {
    private static final Logger log = LoggerFactory.getLogger(EnvRoutingMetrics.class);
    private static volatile MeterRegistry registry;

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        registry = meterRegistry;
    }

    static void rpcFallback(String env, String service, String method) {
        log.info("env {}: no provider of {} in it; {}.{} served by the baseline", env, service, service, method);
        fallback(env, "rpc", service);
    }

    static void mqFallback(String env, String group, String topic, String keys) {
        log.info("env {}: consumer group {} not online; event {} of {} consumed by the baseline group {}", env,
                Environments.consumerGroup(group, env), keys, topic, group);
        fallback(env, "mq", group);
    }

    static void message(String group, String env, boolean consumed) {
        MeterRegistry r = registry;
        if (r != null) {
            Counter.builder("env.messages").description("Events a consumer group consumed or left to another environment")
                    .tags("group", group, "env", env.isEmpty() ? "base" : env, "decision", consumed ? "consumed" : "skipped").register(r)
                    .increment();
        }
    }

    private static void fallback(String env, String kind, String target) {
        MeterRegistry r = registry;
        if (r != null) {
            Counter.builder("env.fallbacks").description("Environment routing fallbacks to the baseline")
                    .tags("env", env, "kind", kind, "target", target).register(r).increment();
        }
    }
}
