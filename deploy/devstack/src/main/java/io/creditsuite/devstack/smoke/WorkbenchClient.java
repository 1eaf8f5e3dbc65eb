package io.creditsuite.devstack.smoke;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One reviewer's browser session on the workbench, as plain HTTP: its own cookie jar, the sign-in form, and every
 * POST carrying the CSRF token the last page gave (exactly what a browser sends).
 */
final class WorkbenchClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;
    private String csrf;

    private WorkbenchClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(TIMEOUT).build();
    }

    /** Signs {@code username} in; fails when the workbench answers with the login page again. */
    static WorkbenchClient signIn(String workbenchUrl, String username, String password) {
        WorkbenchClient client = new WorkbenchClient(URI.create(workbenchUrl.endsWith("/") ? workbenchUrl
                : workbenchUrl + "/"));
        client.get("login");
        Page after = client.post("login", Map.of("username", username, "password", password));
        if (after.uri().getPath().endsWith("/login")) {
            throw new IllegalStateException(username + " could not sign in to the workbench at " + workbenchUrl);
        }
        return client;
    }

    /** The page and the address it ended at (after redirects). */
    record Page(int status, URI uri, String html) {
        Optional<String> firstMatch(Pattern pattern) {
            Matcher m = pattern.matcher(html);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build());
    }

    Page post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("_csrf", csrf == null ? "" : csrf);
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Page page = new Page(response.statusCode(), response.uri(), response.body());
            page.firstMatch(CSRF).ifPresent(token -> csrf = token);
            return page;
        } catch (IOException e) {
            throw new IllegalStateException("the workbench at " + base + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
