package io.creditsuite.devstack;

import io.creditsuite.middleware.ProcessLauncher;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Alertmanager in the devstack: Debian's {@code prometheus-alertmanager} binary, when installed, run with the repo's
 * {@code deploy/alerting/alertmanager.yml}. The only change to that file is where its robot webhook points: the
 * config names reconcile-service's robot bridge at the devstack's default port (8084), and a stack on other ports
 * gets a copy, {@code data/alertmanager/alertmanager.yml}, with reconcile-service's actual address; routes, grouping,
 * inhibition and timings stay the repo's. Its clustering is off (one instance, no gossip port); its silences and
 * notification log live in {@code data/alertmanager/data}.
 */
final class DevstackAlertmanager {
    /** Where Debian installs it; found on the PATH as {@code alertmanager} or {@code prometheus-alertmanager} too. */
    static final Path DEBIAN_BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    static final String REPO_CONFIG = "deploy/alerting/alertmanager.yml";
    /** The robot bridge as the repo's config names it: reconcile-service on its devstack default port. */
    static final String CONFIG_RECONCILE_BASE = "http://127.0.0.1:" + PortName.RECONCILE.defaultPort() + "/";
    static final String NOT_INSTALLED = "Alertmanager is not installed (Debian package prometheus-alertmanager,"
            + " " + DEBIAN_BINARY + "): the stack runs without it and reconcile-service pushes no alerts."
            + " To add it: sudo apt-get install prometheus-alertmanager";

    private DevstackAlertmanager() {
    }

    /** The binary, if installed: Debian's path first, then the PATH. */
    static Optional<Path> binary() {
        return binary(DEBIAN_BINARY, System.getenv("PATH"));
    }

    static Optional<Path> binary(Path debianBinary, String pathVariable) {
        return installed(debianBinary, pathVariable, "alertmanager", "prometheus-alertmanager");
    }

    /** An executable: Debian's path first, then any of {@code names} in the directories of {@code pathVariable}. */
    static Optional<Path> installed(Path debianBinary, String pathVariable, String... names) {
        List<Path> candidates = new ArrayList<>(List.of(debianBinary));
        if (pathVariable != null) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    for (String name : names) {
                        candidates.add(Path.of(dir, name));
                    }
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** Its API base, e.g. {@code http://127.0.0.1:9093}: what reconcile-service is given. */
    static String url(StackPorts ports) {
        return "http://" + ports.address(PortName.ALERTMANAGER);
    }

    /** The repo's config with the robot webhook pointed at this stack's reconcile-service. */
    static String config(String repoConfig, StackPorts ports) {
        if (!repoConfig.contains(CONFIG_RECONCILE_BASE)) {
            throw new DevstackException(ExitCode.FAILED, REPO_CONFIG + " no longer names reconcile-service's robot"
                    + " bridge at " + CONFIG_RECONCILE_BASE + "; the devstack cannot point it at this stack");
        }
        return repoConfig.replace(CONFIG_RECONCILE_BASE, "http://" + ports.address(PortName.RECONCILE) + "/");
    }

    /** Writes this stack's config into Alertmanager's data directory and returns the command that runs it. */
    static ProcessLauncher launcher(StackSettings settings) {
        Path binary = binary().orElseThrow(() -> new DevstackException(ExitCode.FAILED, NOT_INSTALLED));
        Path dir = settings.dataDir(Component.ALERTMANAGER);
        Path config = dir.resolve("alertmanager.yml");
        try {
            Files.createDirectories(dir);
            Files.writeString(config, config(Files.readString(settings.repoRoot().resolve(REPO_CONFIG)),
                    settings.ports()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
        return ProcessLauncher.command(Component.ALERTMANAGER.processName(), List.of(binary.toString(),
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=" + settings.ports().address(PortName.ALERTMANAGER),
                // an empty address turns clustering off: no gossip port of its own to collide
                "--cluster.listen-address="));
    }

    /** reconcile-service's settings when Alertmanager is part of the stack: where it is, and a short push interval. */
    static List<String> reconcileArgs(StackSettings settings) {
        if (!settings.components().contains(Component.ALERTMANAGER)) {
            return List.of();
        }
        return List.of("--credit-suite.bcp.alerts.alertmanager-url=" + url(settings.ports()),
                "--credit-suite.bcp.alerts.interval=5s");
    }
}
