package io.creditsuite.manifests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares manifests with the code ({@link SuiteCode}) and lists every disagreement as a sentence. Empty: no drift.
 */
final class DriftCheck {

    /** Read by the JVM, the SkyWalking agent or Spring Boot itself, not by our code. */
    private static final Set<String> STANDARD = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS");
    private static final String AGENT_PREFIX = "SW_";
    /** The ports come from application.yml: a manifest overriding them would move the service under the checks. */
    private static final Set<String> PORT_OVERRIDES = Set.of("SERVER_PORT", "DUBBO_PROTOCOL_PORT");
    /** Class-data-sharing archives crash a JVM the SkyWalking agent is attached to (issue 15). */
    private static final Pattern CDS_ARCHIVE = Pattern.compile("SharedArchiveFile|ArchiveClassesAtExit|AutoCreateSharedArchive");
    private static final Pattern AGENT_NAME = Pattern.compile("-Dskywalking\\.agent\\.service_name=(\\S+)");
    private static final Pattern PINNED_IMAGE = Pattern.compile("[^\\s:@]+(:[^\\s:@/]+)");

    private final SuiteCode code;
    private final List<String> findings = new ArrayList<>();

    DriftCheck(SuiteCode code) {
        this.code = code;
    }

    List<String> findings() {
        return List.copyOf(findings);
    }

    /** Image, ports, environment, profile, agent, probes and drain of each container. */
    DriftCheck workloads(List<Workload> workloads) {
        for (Workload w : workloads) {
            image(w);
            w.service().ifPresent(name -> code.service(name).ifPresentOrElse(s -> service(w, s),
                    () -> findings.add(w.where() + ": image " + w.image() + " names no service of this repository")));
            w.environment().forEach((k, v) -> {
                if (CDS_ARCHIVE.matcher(v).find()) {
                    findings.add(w.where() + ": " + k + " uses a class-data-sharing archive, which crashes the agent");
                }
            });
        }
        return this;
    }

    /** Every service runs somewhere in this set of manifests. */
    DriftCheck everyServiceDeployed(String manifests, List<Workload> workloads) {
        Set<String> deployed = new HashSet<>();
        workloads.forEach(w -> w.service().ifPresent(deployed::add));
        for (String service : code.services().keySet()) {
            if (!deployed.contains(service)) {
                findings.add(manifests + ": " + service + " is not deployed");
            }
        }
        return this;
    }

    /** A Prometheus config: each target is a service on its server.port and path, and every service is scraped. */
    DriftCheck prometheus(String where, Map<String, Object> config, Map<String, String> hostToService) {
        return prometheus(where, config, hostToService, Map.of());
    }

    /**
     * As {@link #prometheus(String, Map, Map)}, where a target may also be a middleware host on a port it exposes
     * ({@code middlewarePorts}: host -> its exposed ports, e.g. the Seata TC's metrics).
     */
    DriftCheck prometheus(String where, Map<String, Object> config, Map<String, String> hostToService,
                          Map<String, Set<String>> middlewarePorts) {
        Set<String> scraped = new TreeSet<>();
        for (Object job : Yamls.list(config.get("scrape_configs"))) {
            String path = String.valueOf(Yamls.map(job).getOrDefault("metrics_path", "/metrics"));
            for (Object sc : Yamls.list(Yamls.map(job).get("static_configs"))) {
                for (Object target : Yamls.list(Yamls.map(sc).get("targets"))) {
                    String[] hostPort = target.toString().split(":");
                    String service = hostToService.get(hostPort[0]);
                    if (service == null && middlewarePorts.getOrDefault(hostPort[0], Set.of()).contains(hostPort[1])) {
                        continue;
                    }
                    if (service == null) {
                        findings.add(where + ": target " + target + " is no service of the stack");
                        continue;
                    }
                    scraped.add(service);
                    endpoint(where + ": target " + target, code.services().get(service),
                            new Workload.Endpoint(path, Integer.parseInt(hostPort[1])), "/actuator/prometheus");
                }
            }
        }
        for (String service : code.services().keySet()) {
            if (!scraped.contains(service)) {
                findings.add(where + ": " + service + " is not scraped");
            }
        }
        return this;
    }

    /** A file the manifests refer to (mount, build context, Dockerfile) exists. */
    DriftCheck exists(String where, Path file) {
        if (!Files.exists(file)) {
            findings.add(where + ": " + file + " does not exist");
        }
        return this;
    }

    /** Free text (a Dockerfile, a launch script) starts no JVM with a class-data-sharing archive. */
    DriftCheck noClassArchives(String where, String text) {
        for (String line : text.split("\n")) {
            if (!line.stripLeading().startsWith("#") && CDS_ARCHIVE.matcher(line).find()) {
                findings.add(where + ": uses a class-data-sharing archive, which crashes the agent: " + line.strip());
            }
        }
        return this;
    }

    /** Kubernetes: Services reach a container port, envFrom and secretKeyRef name what exists. */
    DriftCheck references(KubernetesManifests k8s, Map<String, Set<String>> secretKeys) {
        Map<String, Set<String>> portsByApp = new LinkedHashMap<>();
        for (KubernetesManifests.Document d : k8s.ofKind("Deployment")) {
            Object app = Yamls.at(d.body(), "spec", "selector", "matchLabels");
            Set<String> ports = portsByApp.computeIfAbsent(String.valueOf(app), k -> new TreeSet<>());
            for (Object c : Yamls.list(Yamls.at(d.body(), "spec", "template", "spec", "containers"))) {
                for (Object p : Yamls.list(Yamls.map(c).get("ports"))) {
                    ports.add(String.valueOf(Yamls.map(p).get("containerPort")));
                    ports.add(String.valueOf(Yamls.map(p).get("name")));
                }
                for (Object e : Yamls.list(Yamls.map(c).get("envFrom"))) {
                    Object cm = Yamls.at(e, "configMapRef", "name");
                    if (cm != null && k8s.ofKind("ConfigMap").stream().noneMatch(x -> x.name().equals(cm))) {
                        findings.add(d.file() + ": " + d.name() + " reads ConfigMap " + cm + ", which no manifest defines");
                    }
                }
                for (Object e : Yamls.list(Yamls.map(c).get("env"))) {
                    Object ref = Yamls.at(e, "valueFrom", "secretKeyRef");
                    if (ref != null) {
                        String name = String.valueOf(Yamls.map(ref).get("name"));
                        String key = String.valueOf(Yamls.map(ref).get("key"));
                        if (!secretKeys.getOrDefault(name, Set.of()).contains(key)) {
                            findings.add(d.file() + ": " + d.name() + " reads key " + key + " of Secret " + name
                                    + ", which the kustomization's secretGenerator does not define");
                        }
                    }
                }
            }
        }
        for (KubernetesManifests.Document d : k8s.ofKind("Service")) {
            Object selector = Yamls.at(d.body(), "spec", "selector");
            if (selector == null) {
                continue;
            }
            Set<String> ports = portsByApp.get(String.valueOf(selector));
            if (ports == null) {
                findings.add(d.file() + ": Service " + d.name() + " selects no Deployment");
                continue;
            }
            for (Object p : Yamls.list(Yamls.at(d.body(), "spec", "ports"))) {
                String target = String.valueOf(Yamls.map(p).getOrDefault("targetPort", Yamls.map(p).get("port")));
                if (!ports.contains(target)) {
                    findings.add(d.file() + ": Service " + d.name() + " targets port " + target
                            + ", which its pods do not declare");
                }
            }
        }
        return this;
    }

    private void image(Workload w) {
        pinned(w.where(), w.image());
    }

    /** An image with a version tag: not {@code latest}, not left to a variable. */
    DriftCheck pinned(String where, String image) {
        if (image == null) {
            findings.add(where + ": no image");
            return this;
        }
        Matcher m = PINNED_IMAGE.matcher(image);
        String tag = m.matches() ? m.group(1).substring(1) : null;
        if (tag == null || tag.equals("latest") || tag.contains("$")) {
            findings.add(where + ": image " + image + " has no pinned version tag");
        }
        return this;
    }

    /** Two things the manifests must keep equal, e.g. a build's SERVICE argument and its image's name. */
    DriftCheck same(String where, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            findings.add(where + ": " + actual + ", expected " + expected);
        }
        return this;
    }

    private void service(Workload w, SuiteCode.Service s) {
        Set<Integer> expected = new TreeSet<>(List.of(s.serverPort(), s.dubboPort()));
        if (!new TreeSet<>(w.ports()).equals(expected)) {
            findings.add(w.where() + ": container ports " + new TreeSet<>(w.ports()) + " are not " + s.name()
                    + "'s server.port and dubbo.protocol.port " + expected);
        }
        w.environment().keySet().forEach(name -> {
            if (PORT_OVERRIDES.contains(name)) {
                findings.add(w.where() + ": " + name + " overrides the port of application.yml");
            } else if (!STANDARD.contains(name) && !name.startsWith(AGENT_PREFIX) && !s.environmentNames().contains(name)) {
                findings.add(w.where() + ": environment variable " + name + " is read by no code of " + s.name());
            }
        });
        String profiles = w.environment().get("SPRING_PROFILES_ACTIVE");
        if (profiles == null) {
            findings.add(w.where() + ": no SPRING_PROFILES_ACTIVE");
        } else {
            for (String profile : profiles.split(",")) {
                if (!s.profiles().contains(profile.trim())) {
                    findings.add(w.where() + ": profile " + profile.trim() + " has no application-" + profile.trim()
                            + ".yml (" + s.name() + " has " + s.profiles() + ")");
                }
            }
        }
        agent(w, s);
        if (w.probes().isEmpty()) {
            findings.add(w.where() + ": no health check");
        }
        for (Workload.Endpoint probe : w.probes()) {
            endpoint(w.where() + ": probe", s, probe, null);
        }
        for (Workload.Endpoint scrape : w.scrapes()) {
            endpoint(w.where() + ": scrape", s, scrape, "/actuator/prometheus");
        }
        Duration needed = w.preStop().plus(s.drain());
        w.stopGrace().filter(grace -> grace.compareTo(needed) < 0).ifPresent(grace -> findings.add(w.where()
                + ": stop grace " + grace.toSeconds() + " s is shorter than the drain, " + needed.toSeconds()
                + " s (pre-stop " + w.preStop().toSeconds() + " s + " + s.name() + "'s shutdown " + s.drain().toSeconds() + " s)"));
    }

    private void agent(Workload w, SuiteCode.Service s) {
        String options = w.environment().getOrDefault("JAVA_TOOL_OPTIONS", "");
        if (!options.contains("-javaagent:")) {
            findings.add(w.where() + ": no SkyWalking agent in JAVA_TOOL_OPTIONS");
        }
        Matcher m = AGENT_NAME.matcher(options);
        String name = m.find() ? m.group(1) : w.environment().get("SW_AGENT_NAME");
        if (!s.name().equals(name)) {
            findings.add(w.where() + ": the agent names it " + name + ", not " + s.name());
        }
    }

    private void endpoint(String where, SuiteCode.Service s, Workload.Endpoint e, String requiredPath) {
        if (e.port() != s.serverPort()) {
            findings.add(where + " " + e.path() + " on port " + e.port() + ", but " + s.name() + " serves HTTP on "
                    + s.serverPort());
        }
        if (!s.actuatorPaths().contains(e.path())) {
            findings.add(where + " " + e.path() + " is not an endpoint " + s.name() + " exposes " + s.actuatorPaths());
        } else if (requiredPath != null && !requiredPath.equals(e.path())) {
            findings.add(where + " " + e.path() + " is not " + requiredPath);
        }
    }
}
