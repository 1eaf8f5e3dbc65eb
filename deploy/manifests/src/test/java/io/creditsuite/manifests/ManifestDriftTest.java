package io.creditsuite.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deploy manifests agree with the code: deploy/compose (the stack, its Dockerfile, Prometheus and Alertmanager
 * configuration) and deploy/k8s. Each test fails with the list of disagreements.
 */
class ManifestDriftTest {

    private static final Set<String> SERVICES =
            Set.of("credit-service", "account-service", "approval-service", "reconcile-service", "gateway");

    private static SuiteCode code;
    private static Path compose;
    private static Path k8s;

    @BeforeAll
    static void readCode() {
        code = SuiteCode.read(SuiteCode.repositoryRoot());
        compose = code.root().resolve("deploy/compose");
        k8s = code.root().resolve("deploy/k8s");
    }

    @Test
    void the_code_model_finds_the_five_services_with_their_ports_and_the_prod_profile() {
        // guards the checks below against passing because they found nothing to compare
        assertThat(code.services().keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(code.services().get("credit-service").serverPort()).isEqualTo(8081);
        assertThat(code.services().get("credit-service").dubboPort()).isEqualTo(20881);
        assertThat(code.services().values()).allSatisfy(s -> {
            assertThat(s.profiles()).contains("prod");
            assertThat(s.actuatorPaths()).contains("/actuator/health/readiness", "/actuator/prometheus");
            assertThat(s.environmentNames()).contains("DB_HOST", "NACOS_ADDR", "POD_IP");
        });
        assertThat(code.services().get("gateway").environmentNames()).contains("CREDIT_SUITE_OPERATOR_TOKEN");
    }

    @Test
    void the_compose_stack_refers_only_to_what_the_code_has() {
        ComposeManifest stack = new ComposeManifest("deploy/compose/docker-compose.yml",
                Yamls.read(compose.resolve("docker-compose.yml")));
        List<Workload> workloads = stack.workloads();
        DriftCheck check = new DriftCheck(code).workloads(workloads).everyServiceDeployed("deploy/compose", workloads);

        Map<String, String> hostToService = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> exposed = new LinkedHashMap<>();
        stack.services.forEach((name, node) -> {
            Map<String, Object> s = Yamls.map(node);
            exposed.put(name, Yamls.list(s.get("expose")).stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.toSet()));
            String where = "deploy/compose: " + name;
            for (Object volume : Yamls.list(s.get("volumes"))) {
                String host = volume.toString().split(":")[0];
                if (host.startsWith(".")) {
                    check.exists(where, compose.resolve(host).normalize());
                }
            }
            Object build = s.get("build");
            if (build != null) {
                Path context = compose.resolve(String.valueOf(Yamls.map(build).get("context"))).normalize();
                check.exists(where, context).exists(where, context.resolve(String.valueOf(Yamls.map(build).get("dockerfile"))));
                check.same(where + " builds", Workload.serviceOf(ComposeManifest.withDefaults(String.valueOf(s.get("image"))))
                        .orElse("?"), String.valueOf(Yamls.at(build, "args", "SERVICE")));
            }
            Workload.serviceOf(String.valueOf(s.get("image"))).ifPresent(service -> hostToService.put(name, service));
        });
        check.prometheus("deploy/compose/prometheus/prometheus.yml",
                Yamls.load(Yamls.read(compose.resolve("prometheus/prometheus.yml"))), hostToService, exposed);

        String dockerfile = Yamls.read(compose.resolve("Dockerfile"));
        check.noClassArchives("deploy/compose/Dockerfile", dockerfile);
        Matcher base = Pattern.compile("ARG JRE_IMAGE=(\\S+)").matcher(dockerfile);
        check.same("deploy/compose/Dockerfile declares its base image", true, base.find());
        check.pinned("deploy/compose/Dockerfile", base.group(1));

        assertThat(workloads.stream().filter(w -> w.service().isPresent())).hasSize(SERVICES.size());
        assertThat(check.findings()).isEmpty();
    }

    @Test
    void the_compose_alertmanager_is_the_repository_one_but_for_the_receivers_urls() {
        Map<String, Object> shipped = withoutUrls(Yamls.load(Yamls.read(compose.resolve("alertmanager/alertmanager.yml"))));
        Map<String, Object> repo = withoutUrls(Yamls.load(Yamls.read(code.root().resolve("deploy/alerting/alertmanager.yml"))));
        assertThat(shipped).isEqualTo(repo);
    }

    @Test
    void the_kubernetes_manifests_refer_only_to_what_the_code_has() throws IOException {
        Map<String, Object> kustomization = Yamls.load(Yamls.read(k8s.resolve("kustomization.yaml")));
        KubernetesManifests manifests = new KubernetesManifests();
        List<String> resources = Yamls.list(kustomization.get("resources")).stream().map(String::valueOf).toList();
        List<String> findings = new ArrayList<>();
        for (String resource : resources) {
            manifests.add("deploy/k8s/" + resource, Yamls.read(k8s.resolve(resource)));
        }
        try (Stream<Path> files = Files.list(k8s)) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml") && !resources.contains(f))
                    .forEach(f -> findings.add("deploy/k8s/" + f + " is not in kustomization.yaml's resources"));
        }
        Map<String, Set<String>> secretKeys = new LinkedHashMap<>();
        for (Object generator : Yamls.list(kustomization.get("secretGenerator"))) {
            Set<String> keys = new TreeSet<>();
            for (Object env : Yamls.list(Yamls.map(generator).get("envs"))) {
                Path file = k8s.resolve(env + ".example");
                findings.addAll(new DriftCheck(code).exists("deploy/k8s secretGenerator", file).findings());
                if (Files.isRegularFile(file)) {
                    Yamls.read(file).lines().filter(l -> l.matches("[A-Z_][A-Z0-9_]*=.*"))
                            .forEach(l -> keys.add(l.substring(0, l.indexOf('='))));
                }
            }
            secretKeys.put(String.valueOf(Yamls.map(generator).get("name")), keys);
        }

        List<Workload> workloads = manifests.workloads();
        DriftCheck check = new DriftCheck(code).workloads(workloads).everyServiceDeployed("deploy/k8s", workloads)
                .references(manifests, secretKeys);
        findings.addAll(check.findings());

        Set<String> deployments = new TreeSet<>();
        manifests.ofKind("Deployment").forEach(d -> deployments.add(d.name()));
        Set<String> budgets = new TreeSet<>();
        manifests.ofKind("PodDisruptionBudget").forEach(d -> budgets.add(d.name()));
        for (String service : SERVICES) {
            if (!budgets.contains(service)) {
                findings.add("deploy/k8s: " + service + " has no PodDisruptionBudget");
            }
        }
        manifests.ofKind("HorizontalPodAutoscaler").forEach(h -> {
            Object target = Yamls.at(h.body(), "spec", "scaleTargetRef", "name");
            if (!deployments.contains(String.valueOf(target))) {
                findings.add(h.file() + ": HorizontalPodAutoscaler " + h.name() + " scales no Deployment: " + target);
            }
        });
        for (Object image : Yamls.list(kustomization.get("images"))) {
            String name = String.valueOf(Yamls.map(image).get("name"));
            if (Workload.serviceOf(name).filter(SERVICES::contains).isEmpty()) {
                findings.add("deploy/k8s/kustomization.yaml: image " + name + " is no service's");
            }
        }

        assertThat(workloads.stream().filter(w -> w.service().isPresent())).hasSize(SERVICES.size());
        assertThat(findings).isEmpty();
    }

    /** The config with every webhook URL blanked: what a deployment is expected to change. */
    private static Map<String, Object> withoutUrls(Map<String, Object> config) {
        for (Object receiver : Yamls.list(config.get("receivers"))) {
            for (Object hook : Yamls.list(Yamls.map(receiver).get("webhook_configs"))) {
                Yamls.map(hook).put("url", "<the deployment's>");
            }
        }
        return config;
    }
}
