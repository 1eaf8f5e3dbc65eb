package io.creditsuite.devstack;

import io.creditsuite.middleware.ComponentMain;
import io.creditsuite.middleware.LaunchedProcess;
import io.creditsuite.middleware.Ports;
import io.creditsuite.middleware.Readiness;
import io.creditsuite.middleware.ReadinessCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * When each component counts as ready: a middleware component when its ComponentMain prints its
 * READY line (after the same checks the tests use: SELECT 1, ruok, broker registered); the
 * Seata TC when its client port accepts connections (it opens last); Alertmanager when
 * {@code /-/ready} answers 200 (its config loaded); a service when
 * {@code /actuator/health/readiness} answers 200.
 */
final class ReadinessWaits {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private ReadinessWaits() {
    }

    /** Waits, or throws {@link io.creditsuite.middleware.ComponentStartException} with the log's end. */
    static void await(Component component, LaunchedProcess process, StackSettings settings) {
        Duration timeout = settings.startTimeout(component);
        switch (component) {
            case MARIADB, ZOOKEEPER, NAMESRV, BROKER ->
                    process.awaitLogLine(ComponentMain.readyLine(component.processName()), timeout);
            case SEATA_TC -> process.awaitReady(
                    Readiness.tcpOpen(Ports.LOOPBACK, settings.ports().get(PortName.SEATA)), timeout);
            case ALERTMANAGER, PROMETHEUS -> process.awaitReady(httpOk(component.primaryPort(settings.ports()), "/-/ready"),
                    timeout);
            default -> process.awaitReady(httpReadiness(component.primaryPort(settings.ports())), timeout);
        }
    }

    static ReadinessCheck httpReadiness(int httpPort) {
        return httpOk(httpPort, "/actuator/health/readiness");
    }

    private static ReadinessCheck httpOk(int httpPort, String path) {
        URI uri = URI.create("http://" + Ports.LOOPBACK + ":" + httpPort + path);
        return ReadinessCheck.named("GET " + uri + " answers 200", () -> {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
    }
}
