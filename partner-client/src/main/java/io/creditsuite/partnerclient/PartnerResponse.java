package io.creditsuite.partnerclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** What the gateway answered: status, headers and the raw body. */
public record PartnerResponse(int status, HttpHeaders headers, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body as JSON (a success body, or an RFC 9457 problem with {@code code} and {@code traceId}). */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the body is not JSON: " + body, e);
        }
    }

    /** The stable CS- code of a problem response, or empty. */
    public Optional<String> problemCode() {
        if (!header("Content-Type").orElse("").startsWith("application/problem+json")) {
            return Optional.empty();
        }
        return Optional.ofNullable(json().path("code").textValue());
    }
}
