package io.creditsuite.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the services' code declares, read from the sources: each service's ports, profiles, actuator paths, drain time
 * and the environment variables it reads. A service is a module with a {@code src/main/resources/application.yml}
 * that sets {@code server.port}.
 */
final class SuiteCode {

    static final String SUPPORT = "service-support";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\\[\\]]+)");
    /** Spring's default {@code spring.lifecycle.timeout-per-shutdown-phase}. */
    private static final Duration SPRING_PHASE_DEFAULT = Duration.ofSeconds(30);
    /** Dubbo's default shutdown wait ({@code dubbo.service.shutdown.wait}, ms). */
    private static final Duration DUBBO_WAIT_DEFAULT = Duration.ofSeconds(10);

    /** One service as its code has it. */
    record Service(String name, int serverPort, int dubboPort, Set<String> profiles, Set<String> actuatorPaths,
                   Set<String> environmentNames, Duration drain) {
    }

    private final Path root;
    private final Map<String, Service> services = new LinkedHashMap<>();

    private SuiteCode(Path root) {
        this.root = root;
    }

    static SuiteCode read(Path root) {
        SuiteCode code = new SuiteCode(root);
        for (String module : code.modules()) {
            Path yml = root.resolve(module).resolve("src/main/resources/application.yml");
            if (Files.isRegularFile(yml) && Yamls.flatten(Yamls.load(Yamls.read(yml))).containsKey("server.port")) {
                code.services.put(module, code.readService(module));
            }
        }
        return code;
    }

    /** The repository root: the system property the build sets, else the nearest folder up with mvnw and deploy/. */
    static Path repositoryRoot() {
        String given = System.getProperty("creditsuite.root");
        Path dir = given != null ? Path.of(given) : Path.of("").toAbsolutePath();
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("mvnw")) && Files.isDirectory(d.resolve("deploy"))) {
                return d;
            }
        }
        throw new IllegalStateException("no repository root above " + dir);
    }

    Path root() {
        return root;
    }

    Map<String, Service> services() {
        return services;
    }

    Optional<Service> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    private List<String> modules() {
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Yamls.read(root.resolve("pom.xml")));
        return m.results().map(r -> r.group(1)).toList();
    }

    private Service readService(String module) {
        Path resources = root.resolve(module).resolve("src/main/resources");
        Path supportResources = root.resolve(SUPPORT).resolve("src/main/resources");
        // lowest precedence first, as CreditSuiteDefaults and Spring Boot stack them in the prod profile
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Path yml : List.of(supportResources.resolve("credit-suite-defaults.yml"),
                supportResources.resolve("credit-suite-defaults-prod.yml"), resources.resolve("application.yml"),
                resources.resolve("application-prod.yml"))) {
            if (Files.isRegularFile(yml)) {
                merged.putAll(Yamls.flatten(Yamls.load(Yamls.read(yml))));
            }
        }
        Set<String> profiles = new TreeSet<>();
        profiles.addAll(suffixes(resources, "application-"));
        profiles.addAll(suffixes(supportResources, "credit-suite-defaults-"));

        Set<String> names = new TreeSet<>();
        for (Path dir : List.of(resources, supportResources, root.resolve(module).resolve("src/main/java"),
                root.resolve(SUPPORT).resolve("src/main/java"))) {
            for (Path file : files(dir)) {
                String text = Yamls.read(file);
                PLACEHOLDER.matcher(text).results().map(r -> r.group(1)).forEach(name -> names.add(environmentForm(name)));
                if (file.toString().endsWith(".yml")) {
                    Yamls.flatten(Yamls.load(text)).keySet().forEach(key -> names.add(environmentForm(key)));
                }
            }
        }
        return new Service(module, intOf(merged.get("server.port")), intOf(merged.get("dubbo.protocol.port")),
                profiles, actuatorPaths(merged), names, drain(merged));
    }

    /** The environment variable Spring reads for a property (relaxed binding): {@code a.b-c[0]} from {@code A_B_C_0}. */
    static String environmentForm(String property) {
        return property.replaceAll("\\[(\\d+)]", "_$1").replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static Set<String> actuatorPaths(Map<String, Object> merged) {
        Set<String> exposed = new HashSet<>();
        Object include = merged.get("management.endpoints.web.exposure.include");
        if (include != null) {
            for (String id : include.toString().split(",")) {
                exposed.add(id.trim());
            }
        }
        Set<String> paths = new TreeSet<>();
        exposed.forEach(id -> paths.add("/actuator/" + id));
        if (exposed.contains("health") && Boolean.TRUE.equals(merged.get("management.endpoint.health.probes.enabled"))) {
            paths.add("/actuator/health/liveness");
            paths.add("/actuator/health/readiness");
        }
        return paths;
    }

    /** How long a service may take to stop once signalled: Spring's graceful phase (if graceful) plus Dubbo's wait. */
    private static Duration drain(Map<String, Object> merged) {
        Duration phase = "graceful".equals(merged.get("server.shutdown"))
                ? durationOf(merged.get("spring.lifecycle.timeout-per-shutdown-phase"), SPRING_PHASE_DEFAULT)
                : Duration.ZERO;
        Object dubboWait = merged.getOrDefault("dubbo.application.shutwait", merged.get("dubbo.service.shutdown.wait"));
        Duration dubbo = dubboWait == null ? DUBBO_WAIT_DEFAULT : durationOf(dubboWait + "ms", DUBBO_WAIT_DEFAULT);
        return phase.plus(dubbo);
    }

    static Duration durationOf(Object value, Duration otherwise) {
        if (value == null) {
            return otherwise;
        }
        Matcher m = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?").matcher(value.toString().trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + value);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private static int intOf(Object value) {
        return value == null ? -1 : Integer.parseInt(value.toString());
    }

    private static Set<String> suffixes(Path dir, String prefix) {
        Set<String> found = new TreeSet<>();
        Pattern name = Pattern.compile(Pattern.quote(prefix) + "([A-Za-z0-9_-]+)\\.ya?ml");
        for (Path file : files(dir)) {
            Matcher m = name.matcher(file.getFileName().toString());
            if (m.matches() && file.getParent().equals(dir)) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(ya?ml|xml|properties|java)$"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
