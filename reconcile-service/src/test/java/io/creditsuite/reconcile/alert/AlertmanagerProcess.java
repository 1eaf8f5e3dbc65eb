package io.creditsuite.reconcile.alert;

import io.creditsuite.middleware.DebianPackages;
import io.creditsuite.middleware.LaunchedProcess;
import io.creditsuite.middleware.Ports;
import io.creditsuite.middleware.ProcessLauncher;
import io.creditsuite.middleware.ReadinessCheck;
import io.creditsuite.middleware.RepoRoot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Alertmanager (Debian's prometheus-alertmanager, installed on first use) on a free loopback port, started with
 * the repo's deploy/alerting/alertmanager.yml, its webhooks pointed at the test's receiver and its waits shortened.
 * Launched and awaited like the project's other middleware ({@link ProcessLauncher}, which notices it dying).
 */
final class AlertmanagerProcess implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

    private final LaunchedProcess process;
    final String url;

    private AlertmanagerProcess(LaunchedProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    static AlertmanagerProcess start(String receiverBase) throws Exception {
        DebianPackages.ensure(BINARY, "prometheus-alertmanager");
        Path dir = Files.createTempDirectory("alertmanager-it");
        String config = Files.readString(RepoRoot.locate().resolve("deploy/alerting/alertmanager.yml"))
                .replace("http://127.0.0.1:9099", receiverBase)
                .replace("http://127.0.0.1:8084/alerts/robot/dingtalk", receiverBase + "/alerts/robot")
                .replace("group_wait: 30s", "group_wait: 1s").replace("group_wait: 10s", "group_wait: 1s")
                .replace("group_interval: 5m", "group_interval: 1s");
        Files.writeString(dir.resolve("alertmanager.yml"), config);
        int port = Ports.freePort();
        String url = "http://" + Ports.LOOPBACK + ":" + port;
        LaunchedProcess process = ProcessLauncher.command("alertmanager", List.of(BINARY.toString(),
                        "--config.file=" + dir.resolve("alertmanager.yml"), "--storage.path=" + dir.resolve("data"),
                        "--web.listen-address=" + Ports.LOOPBACK + ":" + port, "--cluster.listen-address="))
                .workingDirectory(dir).start();
        HttpClient http = HttpClient.newHttpClient();
        process.awaitReady(ReadinessCheck.named("GET " + url + "/-/ready", () -> http.send(
                HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200), Duration.ofSeconds(60));
        return new AlertmanagerProcess(process, url);
    }

    @Override
    public void close() {
        process.close();
    }
}
