package io.creditsuite.reconcile.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.middleware.DebianPackages;
import io.creditsuite.middleware.RepoRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The repo's alerting files, checked by the tools that will run them: promtool checks the Prometheus rules and runs
 * their unit tests (the rules fire on the series they watch and stay quiet without them), amtool checks the
 * Alertmanager configuration. Debian's prometheus and prometheus-alertmanager are installed when missing.
 */
class AlertingConfigIT {
    private static final Path ALERTING = RepoRoot.locate().resolve("deploy/alerting");

    @Test
    void promtool_passes_the_rules_and_their_tests_and_amtool_the_routing() throws Exception {
        DebianPackages.ensure(Path.of("/usr/bin/promtool"), "prometheus");
        DebianPackages.ensure(Path.of("/usr/bin/amtool"), "prometheus-alertmanager");
        assertThat(run("/usr/bin/promtool", "check", "rules", "bcp-alert-rules.yml")).contains("SUCCESS: 7 rules found");
        assertThat(run("/usr/bin/promtool", "test", "rules", "bcp-alert-rules.test.yml")).contains("SUCCESS");
        assertThat(run("/usr/bin/promtool", "check", "rules", "suite-alert-rules.yml")).contains("SUCCESS: 13 rules found");
        assertThat(run("/usr/bin/promtool", "test", "rules", "suite-alert-rules.test.yml")).contains("SUCCESS");
        assertThat(run("/usr/bin/amtool", "check-config", "alertmanager.yml")).contains("SUCCESS", "2 receivers");
    }

    /**
     * Every query of the Grafana dashboard the deploy ships is PromQL that Prometheus parses: promtool checks them as
     * recording rules (a typo in a panel fails the build, not an SRE's screen), and every panel has a query.
     */
    @Test
    void every_query_of_the_suites_grafana_dashboard_parses() throws Exception {
        DebianPackages.ensure(Path.of("/usr/bin/promtool"), "prometheus");
        JsonNode dashboard = new ObjectMapper().readTree(RepoRoot.locate()
                .resolve("deploy/compose/grafana/dashboards/credit-suite.json").toFile());
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
                panel.path("targets").forEach(target -> queries.add(target.path("expr").asText()));
            }
        }
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (int i = 0; i < queries.size(); i++) {
            rules.append("      - record: dashboard:query_").append(i).append("\n        expr: '")
                    .append(queries.get(i).replace("'", "''")).append("'\n");
        }
        Path file = Files.createTempFile("dashboard-queries", ".yml");
        try {
            Files.writeString(file, rules);
            assertThat(run("/usr/bin/promtool", "check", "rules", file.toString()))
                    .contains("SUCCESS: " + queries.size() + " rules found");
        } finally {
            Files.deleteIfExists(file);
        }
        assertThat(queries).hasSizeGreaterThan(20);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).directory(ALERTING.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
