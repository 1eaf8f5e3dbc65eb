package io.creditsuite.reconcile.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.middleware.DebianPackages;
import io.creditsuite.middleware.RepoRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        assertThat(run("/usr/bin/amtool", "check-config", "alertmanager.yml")).contains("SUCCESS", "2 receivers");
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
