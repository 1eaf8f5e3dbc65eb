package io.creditsuite.manifests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A docker-compose file as workloads, plus what else of it the checks need (volumes, builds, names). */
final class ComposeManifest {

    private static final Pattern HEALTH_URL = Pattern.compile("https?://(?:localhost|127\\.0\\.0\\.1):(\\d+)(/[^\\s\"']*)");

    final String file;
    final Map<String, Object> services;

    ComposeManifest(String file, String text) {
        this.file = file;
        this.services = Yamls.map(Yamls.load(text).get("services"));
    }

    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        services.forEach((name, node) -> {
            Map<String, Object> s = Yamls.map(node);
            String image = s.get("image") == null ? null : withDefaults(s.get("image").toString());
            Set<Integer> ports = new LinkedHashSet<>();
            for (Object p : Yamls.list(s.get("expose"))) {
                ports.add(containerPort(p));
            }
            for (Object p : Yamls.list(s.get("ports"))) {
                ports.add(containerPort(p));
            }
            List<Workload.Endpoint> probes = new ArrayList<>();
            Object test = Yamls.at(s, "healthcheck", "test");
            if (test != null) {
                Matcher m = HEALTH_URL.matcher(String.join(" ", Yamls.list(test).isEmpty()
                        ? List.of(test.toString()) : Yamls.list(test).stream().map(String::valueOf).toList()));
                while (m.find()) {
                    probes.add(new Workload.Endpoint(m.group(2), Integer.parseInt(m.group(1))));
                }
            }
            Optional<Duration> grace = Optional.ofNullable(s.get("stop_grace_period"))
                    .map(v -> SuiteCode.durationOf(v, Duration.ofSeconds(10)));
            workloads.add(new Workload(file + ": " + name, image, Workload.serviceOf(image), ports,
                    environment(s.get("environment")), probes, grace.or(() -> Optional.of(Duration.ofSeconds(10))),
                    Duration.ZERO, List.of()));
        });
        return workloads;
    }

    /** compose's interpolation as far as the file itself says: {@code ${VERSION:-1.0}} is 1.0; {@code ${X}} stays. */
    static String withDefaults(String value) {
        return value.replaceAll("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)}", "$1");
    }

    /** compose's {@code environment}: a map, or a list of NAME=value. */
    static Map<String, String> environment(Object node) {
        Map<String, String> env = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(k.toString(), v == null ? "" : v.toString()));
        } else {
            for (Object entry : Yamls.list(node)) {
                String[] kv = entry.toString().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return env;
    }

    /** "8080", 8080, "8080:8080", "127.0.0.1:8080:8080/tcp": the container's side. */
    static int containerPort(Object spec) {
        String s = spec.toString().replaceAll("/(tcp|udp)$", "");
        return Integer.parseInt(s.substring(s.lastIndexOf(':') + 1));
    }
}
