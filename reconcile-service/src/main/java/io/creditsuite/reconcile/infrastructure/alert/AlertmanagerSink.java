package io.creditsuite.reconcile.infrastructure.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.reconcile.application.alert.DiscrepancyAlerts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** POSTs alerts to Alertmanager's v2 API ({@code <url>/api/v2/alerts}); anything but 2xx is an error. */
public class AlertmanagerSink implements DiscrepancyAlerts.Sink {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI alerts;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public AlertmanagerSink(String alertmanagerUrl, ObjectMapper json) {
        this.alerts = URI.create(alertmanagerUrl.replaceAll("/+$", "") + "/api/v2/alerts");
        this.json = json;
    }

    @Override
    public void send(List<Map<String, Object>> batch) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(alerts).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(batch))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Alertmanager at " + alerts + " answered " + response.statusCode()
                        + ": " + response.body());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the alerts", e);
        } catch (IOException e) {
            throw new IllegalStateException("Alertmanager at " + alerts + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
