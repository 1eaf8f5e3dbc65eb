package io.creditsuite.reconcile.alert;

import io.creditsuite.middleware.DebianPackages;
import io.creditsuite.middleware.Ports;
import io.creditsuite.middleware.RepoRoot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real Alertmanager (Debian's prometheus-alertmanager, installed on first use) on a free loopback port, started with
 * the repo's deploy/alerting/alertmanager.yml, its webhooks pointed at the test's receiver and its waits shortened.
 */
final class AlertmanagerProcess implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

    private final Process process;
    final String url;

    private AlertmanagerProcess(Process process, String url) {
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
        Process process = new ProcessBuilder(List.of(BINARY.toString(),
                "--config.file=" + dir.resolve("alertmanager.yml"), "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address="))
                .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        AlertmanagerProcess am = new AlertmanagerProcess(process, "http://127.0.0.1:" + port);
        am.awaitReady(dir);
        return am;
    }

    private void awaitReady(Path dir) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Alertmanager exited: " + Files.readString(dir.resolve(
                        "alertmanager.log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Alertmanager not ready within 60 s");
    }

    @Override
    public void close() {
        process.destroy();
    }
}
