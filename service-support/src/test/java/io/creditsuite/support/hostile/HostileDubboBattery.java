package io.creditsuite.support.hostile;

import io.creditsuite.api.error.ApiException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.rpc.RpcException;
import org.apache.dubbo.rpc.model.ModuleModel;
import org.apache.dubbo.rpc.model.ProviderModel;

/**
 * Hostile input over real Dubbo (issue 14): every case goes through ZooKeeper and the network to the module's own
 * provider (Hessian2 both ways, so hostile payloads are serialized too), and must come back as an
 * {@link ApiException} whose code is of a 4xx kind (one of the case's codes when it names some), with a message
 * that neither carries a line break nor echoes a huge input, and must leave every counted table as it was.
 * A success, any other exception (a NullPointerException, an IllegalArgumentException, a wrapped SQL error, a
 * timeout), a 5xx code or a written row fails the case.
 */
public final class HostileDubboBattery implements AutoCloseable {
    /** The longest message a refusal may carry: the detail is for a person, not a copy of the input. */
    public static final int MESSAGE_MAX = 1_000;
    private static final Duration PROVIDER_WAIT = Duration.ofSeconds(60);
    private static final int ATTEMPTS = 3;
    private static final Duration QUIET_WAIT = Duration.ofSeconds(30);
    private static final Duration QUIET_STEP = Duration.ofMillis(500);

    private final ModuleModel module;
    private final Supplier<Map<String, Long>> rows;
    private final Map<Class<?>, ReferenceConfig<?>> references = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, int[]> tally = new LinkedHashMap<>();

    /**
     * @param module the test context's Dubbo module (references are made in it)
     * @param rows   counts of the module's tables, taken before and after each case
     */
    public HostileDubboBattery(ModuleModel module, Supplier<Map<String, Long>> rows) {
        this.module = module;
        this.rows = rows;
    }

    /** The io.creditsuite interfaces this module's context exports over Dubbo, by name. */
    public static List<Class<?>> exportedApis(ModuleModel module) {
        return module.getServiceRepository().getExportedServices().stream()
                .map(ProviderModel::getServiceInterfaceClass)
                .filter(Objects::nonNull)
                .filter(api -> api.getName().startsWith("io.creditsuite.api."))
                .distinct()
                .sorted(Comparator.comparing(Class::getName))
                .<Class<?>>map(api -> api)
                .toList();
    }

    public void run(List<HostileCase> cases) {
        cases.forEach(this::run);
    }

    public void run(HostileCase hostile) {
        int[] counts = tally.computeIfAbsent(hostile.api().getSimpleName() + "." + hostile.method().getName(),
                k -> new int[2]);
        counts[0]++;
        String failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Map<String, Long> before = rows.get();
            failure = outcome(hostile);
            Map<String, Long> after = rows.get();
            if (failure != null || before.equals(after)) {
                break;
            }
            failure = "wrote rows: " + difference(before, after);
            // the context's own sweeps and relays write on their schedule: a refusal is only blamed for rows that
            // change again when it is repeated once the tables are quiet (a refused call is safe to repeat)
            awaitQuietTables();
        }
        if (failure == null) {
            counts[1]++;
        } else {
            failures.add(hostile.label() + ": " + failure);
        }
    }

    private void awaitQuietTables() {
        long deadline = System.nanoTime() + QUIET_WAIT.toNanos();
        Map<String, Long> last = rows.get();
        while (System.nanoTime() < deadline) {
            sleep(QUIET_STEP);
            Map<String, Long> now = rows.get();
            if (now.equals(last)) {
                return;
            }
            last = now;
        }
    }

    private static void sleep(Duration step) {
        try {
            Thread.sleep(step.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Why the case failed, or null when the provider refused it as it should. */
    private String outcome(HostileCase hostile) {
        Object result;
        try {
            result = call(hostile);
        } catch (ApiException e) {
            if (e.errorCode().httpStatus() >= 500) {
                return "a " + e.errorCode().httpStatus() + " code: " + brief(e.getMessage());
            }
            if (!hostile.expected().isEmpty() && !hostile.expected().contains(e.errorCode())) {
                return "expected one of " + hostile.expected() + ", got " + brief(e.getMessage());
            }
            String message = e.getMessage();
            if (message.length() > MESSAGE_MAX || message.indexOf('\r') >= 0 || message.indexOf('\n') >= 0) {
                return "the refusal's message carries the hostile input (" + message.length() + " chars): "
                        + brief(message);
            }
            return null;
        } catch (Throwable e) {
            return e.getClass().getName() + ": " + brief(String.valueOf(e.getMessage()));
        }
        return "succeeded, returning " + brief(String.valueOf(result));
    }

    private Object call(HostileCase hostile) throws Throwable {
        Object proxy = reference(hostile.api()).get();
        long deadline = System.nanoTime() + PROVIDER_WAIT.toNanos();
        while (true) {
            try {
                return invoke(proxy, hostile.method(), hostile.args());
            } catch (RpcException e) {
                // the provider list arrives asynchronously after a reference is made
                if (!e.isNoInvokerAvailableAfterFilter() || System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(Duration.ofMillis(100));
            }
        }
    }

    private static Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(proxy, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private ReferenceConfig<?> reference(Class<?> api) {
        return references.computeIfAbsent(api, type -> {
            ReferenceConfig<Object> reference = new ReferenceConfig<>(module);
            reference.setInterface(type);
            reference.setScope("remote"); // through the registry and the network, never the in-JVM shortcut
            reference.setCheck(false);
            reference.setRetries(0); // a retried hostile write would hide nothing, but would double it
            reference.setTimeout(60_000); // a loaded 2-core machine; a refusal never needs this long
            return reference;
        });
    }

    /** One line per method: cases run and passed. */
    public String report() {
        StringBuilder out = new StringBuilder();
        int cases = 0;
        int passed = 0;
        for (Map.Entry<String, int[]> e : tally.entrySet()) {
            out.append(String.format("  %-60s %3d cases, %3d passed%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
            cases += e.getValue()[0];
            passed += e.getValue()[1];
        }
        return String.format("HOSTILE-DUBBO methods=%d cases=%d passed=%d%n", tally.size(), cases, passed) + out;
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        references.values().forEach(ReferenceConfig::destroy);
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new LinkedHashMap<>();
        after.forEach((table, count) -> {
            if (!Objects.equals(before.get(table), count)) {
                changed.put(table, before.get(table) + " -> " + count);
            }
        });
        return changed.toString();
    }

    private static String brief(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "... (" + oneLine.length() + " chars)";
    }
}
