package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The devstack's Prometheus: only when asked for, scraping this stack's ports with the repo's rules. */
class DevstackPrometheusTest {
    private final Path root = Path.of("/repo");

    @Test
    void it_runs_only_with_monitoring_and_scrapes_every_service_at_this_stacks_ports_with_the_repos_rules() {
        StackSettings plain = CliArguments.parse("up", "--port", "gateway=9180").settings(Map.of(), root);
        assertThat(plain.monitoring()).isFalse();
        assertThat(plain.components()).doesNotContain(Component.PROMETHEUS);

        StackSettings watched = CliArguments.parse("up", "--with-monitoring", "--port", "gateway=9180")
                .settings(Map.of(), root);
        assertThat(watched.monitoring()).isTrue();
        assertThat(watched.components().contains(Component.PROMETHEUS))
                .isEqualTo(DevstackPrometheus.binary().isPresent());

        String config = DevstackPrometheus.config(watched);
        assertThat(config).contains("job_name: gateway", "targets: [127.0.0.1:9180]", "job_name: credit-service",
                "targets: [127.0.0.1:8081]", "job_name: reconcile-service", "metrics_path: /actuator/prometheus",
                "/repo/deploy/alerting/bcp-alert-rules.yml", "/repo/deploy/alerting/suite-alert-rules.yml");
        assertThat(config).contains("job_name: seata-tc", "metrics_path: /metrics", "targets: [127.0.0.1:9898]");
        assertThat(config.split("job_name: ", -1)).hasSize(7);
    }

    @Test
    void the_other_commands_see_a_running_prometheus_by_its_pid_file_and_stop_it_first() {
        assertThat(CliArguments.parse("status").settings(Map.of(), root).monitoring()).isFalse();
        assertThat(Component.STOP_ORDER.get(0)).containsExactly(Component.PROMETHEUS);
        assertThat(Component.CREDIT.dependsOn()).doesNotContain(Component.PROMETHEUS);
    }
}
