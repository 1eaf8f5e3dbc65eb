package io.creditsuite.devstack.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The gateway's operator endpoints ({@code /ops/**}, behind {@code X-Operator-Token}) for the smoke demo and the
 * system tests: partners, keys, the demo lender and its invariants. Anything but a 2xx is an
 * {@link IllegalStateException} naming the call and the answer.
 */
public final class OperatorClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI gateway;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param gateway the gateway's base URI, ending in {@code /} */
    public OperatorClient(URI gateway, String token) {
        this.gateway = gateway;
        this.token = token;
    }

    /** {@code path} is relative to the gateway ({@code ops/v1/...}); {@code body} null sends none. */
    public JsonNode call(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("X-Operator-Token", token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " /" + path + " answered " + response.statusCode() + " "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " /" + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
