package io.creditsuite.partnerclient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A signed client of the credit-suite partner API.
 * <pre>{@code
 * PartnerClient client = new PartnerClient(URI.create("http://127.0.0.1:8080"), keyId, secret, Clock.systemUTC());
 * PartnerResponse created = client.post("/api/v1/customers", "{\"customerId\":\"c-1\"}", "onboard-c-1");
 * PartnerResponse customer = client.get("/api/v1/customers/c-1", List.of());
 * }</pre>
 * Each request gets a fresh random nonce and the clock's current time, so a request is signed when it is sent.
 * A retried POST must reuse its Idempotency-Key (the gateway then replays the first response).
 */
public class PartnerClient {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final String keyId;
    private final String secret;
    private final Clock clock;
    private final HttpClient http;
    private final String env;

    public PartnerClient(URI baseUri, String keyId, String secret, Clock clock) {
        this(baseUri, keyId, secret, clock, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), null);
    }

    private PartnerClient(URI baseUri, String keyId, String secret, Clock clock, HttpClient http, String env) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = http;
        this.env = env;
    }

    /**
     * The same client sending every request into a branch environment (header {@code X-Env}: the suite keeps the
     * request and its events in that environment, falling back to the baseline where it lacks a service).
     */
    public PartnerClient inEnvironment(String environment) {
        return new PartnerClient(baseUri, keyId, secret, clock, http, Objects.requireNonNull(environment, "environment"));
    }

    /** GET {@code path} (already percent-encoded) with decoded query parameters. */
    public PartnerResponse get(String path, List<Map.Entry<String, String>> query) {
        return send("GET", path, query, new byte[0], null);
    }

    /** POST a JSON body (sent byte for byte as given) under an Idempotency-Key. */
    public PartnerResponse post(String path, String jsonBody, String idempotencyKey) {
        return send("POST", path, List.of(), jsonBody.getBytes(StandardCharsets.UTF_8), idempotencyKey);
    }

    /** POST an object serialised by Jackson. */
    public PartnerResponse postJson(String path, Object body, String idempotencyKey) {
        try {
            return post(path, JSON.writeValueAsString(body), idempotencyKey);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body does not serialise to JSON", e);
        }
    }

    /** Signs and sends; the signature covers the exact path, query and body bytes sent. */
    public PartnerResponse send(String method, String path, List<Map.Entry<String, String>> query, byte[] body,
                                String idempotencyKey) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        String queryString = RequestSigner.queryString(query);
        URI uri = URI.create(baseUri.toString().replaceAll("/+$", "") + path
                + (queryString.isEmpty() ? "" : "?" + queryString));
        long timestamp = clock.instant().getEpochSecond();
        String nonce = newNonce();
        String canonical = RequestSigner.canonicalRequest(method, uri.getRawPath(), query, timestamp, nonce, body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", RequestSigner.authorization(keyId, timestamp, nonce,
                        RequestSigner.signature(secret, canonical)))
                .method(method, body.length == 0 && !"POST".equals(method) ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if ("POST".equals(method) || body.length > 0) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (env != null) {
            request.header("X-Env", env);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new PartnerResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("the gateway at " + baseUri + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the gateway", e);
        }
    }

    /** 24 URL-safe characters from 18 random bytes, inside the gateway's nonce rule [A-Za-z0-9_-]{8,64}. */
    static String newNonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "PartnerClient[" + baseUri + ", keyId=" + keyId + "]";
    }
}
