package io.creditsuite.devstack;

import io.creditsuite.middleware.ProcessLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prometheus in the devstack ({@code ./devstack up --with-monitoring}): Debian's {@code prometheus} binary, when
 * installed, scraping every service's {@code /actuator/prometheus} every 5 s at this stack's ports, evaluating the
 * repo's alert and recording rules ({@code deploy/alerting/*-rules.yml}, read in place) and sending its alerts to the
 * stack's Alertmanager when it has one. Its config and data live in {@code data/prometheus}.
 */
final class DevstackPrometheus {
    static final Path DEBIAN_BINARY = Path.of("/usr/bin/prometheus");
    static final List<String> RULE_FILES = List.of("deploy/alerting/bcp-alert-rules.yml",
            "deploy/alerting/suite-alert-rules.yml");
    static final String NOT_INSTALLED = "--with-monitoring: Prometheus is not installed (Debian package prometheus,"
            + " " + DEBIAN_BINARY + "): the stack runs without it. To add it: sudo apt-get install prometheus";
    /** Each service's job name in Prometheus: its process name, as in the compose stack. */
    private static final Map<Component, PortName> SERVICES = Map.of(Component.CREDIT, PortName.CREDIT,
            Component.ACCOUNT, PortName.ACCOUNT, Component.APPROVAL, PortName.APPROVAL, Component.RECONCILE,
            PortName.RECONCILE, Component.GATEWAY, PortName.GATEWAY);

    private DevstackPrometheus() {
    }

    /** The binary, if installed: Debian's path first, then the PATH. */
    static Optional<Path> binary() {
        return DevstackAlertmanager.installed(DEBIAN_BINARY, System.getenv("PATH"), "prometheus");
    }

    /** Its UI and API base, e.g. {@code http://127.0.0.1:9090}. */
    static String url(StackPorts ports) {
        return "http://" + ports.address(PortName.PROMETHEUS);
    }

    /** prometheus.yml for this stack: its services' ports, the repo's rules, its Alertmanager if it runs one. */
    static String config(StackSettings settings) {
        StringBuilder yml = new StringBuilder("""
                # written by ./devstack up --with-monitoring for this stack; the repo's rules are read in place
                global:
                  scrape_interval: 5s
                  evaluation_interval: 5s
                rule_files:
                """);
        RULE_FILES.forEach(file -> yml.append("  - ").append(settings.repoRoot().resolve(file)).append('\n'));
        if (settings.components().contains(Component.ALERTMANAGER)) {
            yml.append("alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: [")
                    .append(settings.ports().address(PortName.ALERTMANAGER)).append("]\n");
        }
        yml.append("scrape_configs:\n");
        for (Component service : Component.values()) {
            if (SERVICES.containsKey(service)) {
                yml.append("  - job_name: ").append(service.processName()).append('\n')
                        .append("    metrics_path: /actuator/prometheus\n")
                        .append("    static_configs:\n        - targets: [")
                        .append(settings.ports().address(SERVICES.get(service))).append("]\n");
            }
        }
        // the Seata TC's global transactions by status (seata-tc.yml's metrics)
        yml.append("  - job_name: seata-tc\n    metrics_path: /metrics\n    static_configs:\n        - targets: [")
                .append(settings.ports().address(PortName.SEATA_METRICS)).append("]\n");
        return yml.toString();
    }

    /** Writes this stack's config into Prometheus's data directory and returns the command that runs it. */
    static ProcessLauncher launcher(StackSettings settings) {
        Path binary = binary().orElseThrow(() -> new DevstackException(ExitCode.FAILED, NOT_INSTALLED));
        Path dir = settings.dataDir(Component.PROMETHEUS);
        Path config = dir.resolve("prometheus.yml");
        try {
            Files.createDirectories(dir);
            Files.writeString(config, config(settings));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
        return ProcessLauncher.command(Component.PROMETHEUS.processName(), List.of(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--storage.tsdb.retention.time=2d",
                "--web.listen-address=" + settings.ports().address(PortName.PROMETHEUS)));
    }
}
