package io.creditsuite.manifests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Kubernetes documents (after kustomize would have listed them) as workloads and the objects they refer to. */
final class KubernetesManifests {

    record Document(String file, Map<String, Object> body) {
        String kind() {
            return String.valueOf(body.get("kind"));
        }

        String name() {
            return String.valueOf(Yamls.at(body, "metadata", "name"));
        }
    }

    final List<Document> documents = new ArrayList<>();

    void add(String file, String text) {
        Yamls.loadAll(text).forEach(doc -> documents.add(new Document(file, doc)));
    }

    List<Document> ofKind(String kind) {
        return documents.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    /** Every container and init container of every Deployment (and StatefulSet, DaemonSet, Job). */
    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (Document d : documents) {
            if (!List.of("Deployment", "StatefulSet", "DaemonSet", "Job").contains(d.kind())) {
                continue;
            }
            Map<String, Object> pod = Yamls.map(Yamls.at(d.body(), "spec", "template", "spec"));
            Map<String, Object> annotations = Yamls.map(Yamls.at(d.body(), "spec", "template", "metadata", "annotations"));
            Optional<Duration> grace = Optional.ofNullable(pod.get("terminationGracePeriodSeconds"))
                    .map(v -> Duration.ofSeconds(Long.parseLong(v.toString())))
                    .or(() -> Optional.of(Duration.ofSeconds(30)));
            for (String list : List.of("initContainers", "containers")) {
                for (Object node : Yamls.list(pod.get(list))) {
                    Map<String, Object> c = Yamls.map(node);
                    workloads.add(workload(d, c, grace, list.equals("containers") ? annotations : Map.of()));
                }
            }
        }
        return workloads;
    }

    private Workload workload(Document d, Map<String, Object> c, Optional<Duration> grace, Map<String, Object> annotations) {
        String image = String.valueOf(c.get("image"));
        Map<String, Integer> named = new LinkedHashMap<>();
        Set<Integer> ports = new LinkedHashSet<>();
        for (Object p : Yamls.list(c.get("ports"))) {
            int port = Integer.parseInt(String.valueOf(Yamls.map(p).get("containerPort")));
            ports.add(port);
            if (Yamls.map(p).get("name") != null) {
                named.put(Yamls.map(p).get("name").toString(), port);
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (Object e : Yamls.list(c.get("envFrom"))) {
            Object configMap = Yamls.at(e, "configMapRef", "name");
            if (configMap != null) {
                env.putAll(configMapData(configMap.toString()));
            }
        }
        for (Object e : Yamls.list(c.get("env"))) {
            Map<String, Object> entry = Yamls.map(e);
            Object ref = Yamls.at(entry, "valueFrom", "secretKeyRef");
            env.put(entry.get("name").toString(), entry.get("value") != null ? entry.get("value").toString()
                    : ref != null ? "secret:" + Yamls.map(ref).get("name") + "/" + Yamls.map(ref).get("key") : "");
        }
        List<Workload.Endpoint> probes = new ArrayList<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Object get = Yamls.at(c, probe, "httpGet");
            if (get != null) {
                probes.add(new Workload.Endpoint(String.valueOf(Yamls.map(get).get("path")),
                        port(Yamls.map(get).get("port"), named)));
            }
        }
        Duration preStop = Duration.ZERO;
        List<Object> command = Yamls.list(Yamls.at(c, "lifecycle", "preStop", "exec", "command"));
        if (command.size() == 2 && "sleep".equals(command.get(0))) {
            preStop = Duration.ofSeconds(Long.parseLong(command.get(1).toString()));
        }
        List<Workload.Endpoint> scrapes = new ArrayList<>();
        if ("true".equals(String.valueOf(annotations.get("prometheus.io/scrape")))) {
            scrapes.add(new Workload.Endpoint(String.valueOf(annotations.getOrDefault("prometheus.io/path", "/metrics")),
                    port(annotations.get("prometheus.io/port"), named)));
        }
        return new Workload(d.file() + ": " + d.name() + "/" + c.get("name"), image, Workload.serviceOf(image), ports,
                env, probes, grace, preStop, scrapes);
    }

    Map<String, String> configMapData(String name) {
        Map<String, String> data = new LinkedHashMap<>();
        ofKind("ConfigMap").stream().filter(d -> d.name().equals(name)).findFirst()
                .ifPresent(d -> Yamls.map(d.body().get("data")).forEach((k, v) -> data.put(k, String.valueOf(v))));
        return data;
    }

    private static int port(Object port, Map<String, Integer> named) {
        if (port == null) {
            return -1;
        }
        String p = port.toString();
        return p.matches("\\d+") ? Integer.parseInt(p) : named.getOrDefault(p, -1);
    }
}
