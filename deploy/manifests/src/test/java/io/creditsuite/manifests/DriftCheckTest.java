package io.creditsuite.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The drift check finds real drift: small manifests, each wrong in one way, against the real code. */
class DriftCheckTest {

    private static SuiteCode code;

    @BeforeAll
    static void readCode() {
        code = SuiteCode.read(SuiteCode.repositoryRoot());
    }

    /** credit-service as the code has it; each test changes one thing. */
    private static final String GOOD_COMPOSE = """
            services:
              credit-service:
                image: credit-suite/credit-service:${VERSION:-0.1.0-SNAPSHOT}
                environment:
                  SPRING_PROFILES_ACTIVE: prod
                  DB_HOST: mysql
                  SW_AGENT_NAME: credit-service
                  JAVA_TOOL_OPTIONS: -javaagent:/skywalking/agent/skywalking-agent.jar
                expose: ["8081", "20881"]
                stop_grace_period: 60s
                healthcheck:
                  test: ["CMD", "curl", "-fsS", "http://localhost:8081/actuator/health/readiness"]
              mysql:
                image: mysql:8.0.40
            """;

    private static List<String> composeFindings(String compose) {
        return new DriftCheck(code).workloads(new ComposeManifest("test", compose).workloads()).findings();
    }

    @Test
    void a_manifest_that_matches_the_code_has_no_findings() {
        assertThat(composeFindings(GOOD_COMPOSE)).isEmpty();
    }

    @Test
    void a_container_port_other_than_the_services_ports_is_drift() {
        assertThat(composeFindings(GOOD_COMPOSE.replace("\"8081\", \"20881\"", "\"8090\", \"20881\"")))
                .anySatisfy(f -> assertThat(f).contains("container ports [8090, 20881]").contains("[8081, 20881]"));
    }

    @Test
    void an_environment_variable_no_code_reads_is_drift() {
        assertThat(composeFindings(GOOD_COMPOSE.replace("DB_HOST: mysql", "DATABASE_HOST: mysql")))
                .containsExactly("test: credit-service: environment variable DATABASE_HOST is read by no code of credit-service");
    }

    @Test
    void a_property_the_code_reads_may_be_given_in_its_environment_form() {
        assertThat(composeFindings(GOOD_COMPOSE.replace("DB_HOST: mysql",
                "CREDIT_SUITE_LENDING_SWEEP_INTERVAL: 5s"))).isEmpty();
    }

    @Test
    void an_unpinned_or_latest_image_is_drift() {
        assertThat(composeFindings(GOOD_COMPOSE.replace("mysql:8.0.40", "mysql:latest")))
                .containsExactly("test: mysql: image mysql:latest has no pinned version tag");
        assertThat(composeFindings(GOOD_COMPOSE.replace("mysql:8.0.40", "mysql")))
                .containsExactly("test: mysql: image mysql has no pinned version tag");
    }

    @Test
    void an_image_of_a_module_that_does_not_exist_is_drift() {
        assertThat(composeFindings(GOOD_COMPOSE.replace("credit-suite/credit-service:", "credit-suite/loan-service:")))
                .anySatisfy(f -> assertThat(f).contains("credit-suite/loan-service").contains("names no service"));
    }

    @Test
    void a_profile_without_its_application_yml_is_drift() {
        assertThat(composeFindings(GOOD_COMPOSE.replace("SPRING_PROFILES_ACTIVE: prod", "SPRING_PROFILES_ACTIVE: prod,staging")))
                .anySatisfy(f -> assertThat(f).contains("profile staging has no application-staging.yml"));
    }

    @Test
    void a_probe_path_the_service_does_not_expose_or_on_another_port_is_drift() {
        assertThat(composeFindings(GOOD_COMPOSE.replace("/actuator/health/readiness", "/actuator/health/startup")))
                .anySatisfy(f -> assertThat(f).contains("/actuator/health/startup is not an endpoint"));
        assertThat(composeFindings(GOOD_COMPOSE.replace("localhost:8081", "localhost:8080")))
                .anySatisfy(f -> assertThat(f).contains("on port 8080, but credit-service serves HTTP on 8081"));
    }

    @Test
    void a_class_data_sharing_archive_with_the_agent_is_drift() {
        assertThat(composeFindings(GOOD_COMPOSE.replace("skywalking-agent.jar",
                "skywalking-agent.jar -XX:SharedArchiveFile=/app/app.jsa")))
                .anySatisfy(f -> assertThat(f).contains("class-data-sharing archive"));
        assertThat(new DriftCheck(code).noClassArchives("Dockerfile",
                "RUN java -XX:ArchiveClassesAtExit=app.jsa -jar app.jar").findings()).hasSize(1);
    }

    @Test
    void a_service_without_the_agent_or_named_after_another_component_is_drift() {
        assertThat(composeFindings(GOOD_COMPOSE.replace("SW_AGENT_NAME: credit-service", "SW_AGENT_NAME: credit")))
                .anySatisfy(f -> assertThat(f).contains("the agent names it credit, not credit-service"));
        assertThat(composeFindings(GOOD_COMPOSE.replace("-javaagent:", "-Dx=")))
                .anySatisfy(f -> assertThat(f).contains("no SkyWalking agent"));
    }

    @Test
    void a_stop_grace_shorter_than_the_drain_is_drift() {
        assertThat(composeFindings(GOOD_COMPOSE.replace("stop_grace_period: 60s", "stop_grace_period: 20s")))
                .anySatisfy(f -> assertThat(f).contains("stop grace 20 s is shorter than the drain, 40 s"));
    }

    @Test
    void a_prometheus_target_on_the_wrong_port_or_missing_a_service_is_drift() {
        String prometheus = """
                scrape_configs:
                  - job_name: credit-service
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: [credit-service:20881]
                """;
        List<String> findings = new DriftCheck(code)
                .prometheus("prometheus.yml", Yamls.load(prometheus), Map.of("credit-service", "credit-service"))
                .findings();
        assertThat(findings).contains(
                "prometheus.yml: target credit-service:20881 /actuator/prometheus on port 20881, but credit-service serves HTTP on 8081",
                "prometheus.yml: gateway is not scraped");
    }

    @Test
    void a_kubernetes_deployment_with_a_short_grace_an_unknown_secret_and_a_wrong_service_port_is_drift() {
        KubernetesManifests k8s = new KubernetesManifests();
        k8s.add("test.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: credit-service }
                spec:
                  selector: { matchLabels: { app: credit-service } }
                  template:
                    metadata:
                      annotations: { prometheus.io/scrape: "true", prometheus.io/port: "8081", prometheus.io/path: /actuator/prometheus }
                    spec:
                      terminationGracePeriodSeconds: 45
                      containers:
                        - name: credit-service
                          image: credit-suite/credit-service:0.1.0-SNAPSHOT
                          ports: [{ name: http, containerPort: 8081 }, { name: dubbo, containerPort: 20881 }]
                          env:
                            - { name: SPRING_PROFILES_ACTIVE, value: prod }
                            - { name: SW_AGENT_NAME, value: credit-service }
                            - { name: JAVA_TOOL_OPTIONS, value: "-javaagent:/skywalking/agent/skywalking-agent.jar" }
                            - name: DB_PASSWORD
                              valueFrom: { secretKeyRef: { name: credit-service-secrets, key: PASSWORD } }
                          readinessProbe: { httpGet: { path: /actuator/health/readiness, port: http } }
                          lifecycle: { preStop: { exec: { command: ["sleep", "10"] } } }
                ---
                apiVersion: v1
                kind: Service
                metadata: { name: credit-service }
                spec:
                  selector: { app: credit-service }
                  ports: [{ port: 80, targetPort: web }]
                """);
        List<String> findings = new DriftCheck(code).workloads(k8s.workloads())
                .references(k8s, Map.of("credit-service-secrets", java.util.Set.of("DB_USER", "DB_PASSWORD")))
                .findings();
        assertThat(findings).containsExactlyInAnyOrder(
                "test.yaml: credit-service/credit-service: stop grace 45 s is shorter than the drain, 50 s"
                        + " (pre-stop 10 s + credit-service's shutdown 40 s)",
                "test.yaml: credit-service reads key PASSWORD of Secret credit-service-secrets,"
                        + " which the kustomization's secretGenerator does not define",
                "test.yaml: Service credit-service targets port web, which its pods do not declare");
    }
}
