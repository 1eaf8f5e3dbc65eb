package io.creditsuite.devstack.smoke;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's system endpoints over HTTP (JDK client, JSON by Jackson): the suite ping and the
 * wiring probes. Errors become {@link GatewayException}s carrying the problem+json {@code code}.
 */
public final class GatewayClient {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public GatewayClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The ping's answer, 200 or 503 alike (both carry the per-service results). */
    public PingAnswer ping(String requestId) {
        HttpRequest request = request("/api/v1/system/ping").header(REQUEST_ID_HEADER, requestId).GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200 && response.statusCode() != 503) {
            throw error(response);
        }
        return new PingAnswer(response.statusCode(), read(response, GatewayViews.Ping.class),
                response.headers().firstValue(REQUEST_ID_HEADER).orElse(null));
    }

    public GatewayViews.TccResult startTcc(String probeId, String scenario) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("probeId", probeId);
        body.put("scenario", scenario);
        return post("/api/v1/system/probes/tcc", body, GatewayViews.TccResult.class);
    }

    public GatewayViews.TccBranches tccBranches(String probeId) {
        return get("/api/v1/system/probes/tcc/" + probeId, GatewayViews.TccBranches.class);
    }

    public GatewayViews.MqResult publishMq(String probeId, boolean transactional, boolean rollbackLocalTransaction) {
        return publishMq(probeId, transactional, rollbackLocalTransaction, null);
    }

    /** With {@code requestId} (may be null) sent as {@value #REQUEST_ID_HEADER}. */
    public GatewayViews.MqResult publishMq(String probeId, boolean transactional, boolean rollbackLocalTransaction,
                                           String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("probeId", probeId);
        body.put("transactional", transactional);
        body.put("rollbackLocalTransaction", rollbackLocalTransaction);
        return post("/api/v1/system/probes/mq", body, GatewayViews.MqResult.class, requestId);
    }

    public GatewayViews.MqReceipt mqReceipt(String probeId) {
        return get("/api/v1/system/probes/mq/" + probeId, GatewayViews.MqReceipt.class);
    }

    /** Opens a BUFFERED account and recharges it with {@code amountMinor}; the posting is only accepted yet. */
    public GatewayViews.LedgerProbe postBuffered(String probeId, long amountMinor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("probeId", probeId);
        body.put("amountMinor", amountMinor);
        return post("/api/v1/system/probes/ledger-buffered", body, GatewayViews.LedgerProbe.class);
    }

    public GatewayViews.Account account(long accountId) {
        return get("/api/v1/system/probes/ledger-buffered/" + accountId, GatewayViews.Account.class);
    }

    private <T> T get(String path, Class<T> type) {
        HttpResponse<String> response = send(request(path).GET().build());
        return readOk(response, type);
    }

    private <T> T post(String path, Object body, Class<T> type) {
        return post(path, body, type, null);
    }

    private <T> T post(String path, Object body, Class<T> type, String requestId) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON for " + path, e);
        }
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text));
        if (requestId != null) {
            request.header(REQUEST_ID_HEADER, requestId);
        }
        return readOk(send(request.build()), type);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GatewayException(0, null, request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(0, null, "interrupted: " + request.uri(), e);
        }
    }

    private <T> T readOk(HttpResponse<String> response, Class<T> type) {
        if (response.statusCode() / 100 != 2) {
            throw error(response);
        }
        return read(response, type);
    }

    private <T> T read(HttpResponse<String> response, Class<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new GatewayException(response.statusCode(), null, response.request().uri()
                    + " answered what is not a " + type.getSimpleName() + ": " + abbreviate(response.body()), e);
        }
    }

    /** A problem+json answer as an exception: "HTTP 503 DOWNSTREAM_UNAVAILABLE: a service ...". */
    private GatewayException error(HttpResponse<String> response) {
        String code = null;
        String detail = abbreviate(response.body());
        try {
            JsonNode problem = json.readTree(response.body());
            if (problem != null && problem.hasNonNull("code")) {
                code = problem.get("code").asText();
                detail = problem.path("detail").asText(detail);
            }
        } catch (IOException notJson) {
            // keep the raw body as the detail
        }
        return new GatewayException(response.statusCode(), code, response.request().method() + " "
                + response.request().uri().getPath() + " -> HTTP " + response.statusCode()
                + (code != null ? " " + code : "") + ": " + detail, null);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /**
     * @param status            200 (all answered) or 503
     * @param echoedRequestId   the {@code X-Request-Id} the gateway sent back
     */
    public record PingAnswer(int status, GatewayViews.Ping body, String echoedRequestId) {
    }
}
