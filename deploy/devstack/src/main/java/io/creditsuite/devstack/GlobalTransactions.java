package io.creditsuite.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.devstack.BankChecks.Check;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "No global transaction left unfinished", from both ends: the Seata TC's own session store, read through its
 * console's REST API (seata-server 2.0: log in, then {@code /api/v1/console/globalSession/query}), and the
 * participants' fence tables (no branch still only tried) and account-service's TCC transfers (none still TRIED).
 */
final class GlobalTransactions {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The devstack TC's console user (deploy/seata-tc's seata-tc.yml): a local development TC only. */
    private static final String CONSOLE_LOGIN = "{\"username\":\"seata\",\"password\":\"seata\"}";

    private final StackSettings settings;
    private final BankFacts facts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    GlobalTransactions(StackSettings settings, BankFacts facts) {
        this.settings = settings;
        this.facts = facts;
    }

    Check check() {
        List<String> left = new ArrayList<>();
        String sessions;
        try {
            JsonNode page = tcSessions();
            if (!page.path("total").isNumber()) {
                throw new IllegalStateException("the session query answered " + page);
            }
            long total = page.path("total").asLong();
            sessions = total + " global sessions in the TC";
            if (total > 0) {
                left.add("the TC still holds " + total + " global sessions: " + page.path("data").findValuesAsText("xid"));
            }
        } catch (RuntimeException e) {
            sessions = "TC console not readable (" + e.getMessage() + ")";
            left.add(sessions);
        }
        Map<String, Long> unfinished = facts.unfinished(Map.of());
        for (String what : List.of("credit fences tried", "account fences tried", "transfers TRIED")) {
            long count = unfinished.getOrDefault(what, 0L);
            if (count != 0) {
                left.add(count + " " + what);
            }
        }
        return BankChecks.check("no global transaction left (TC sessions, fence tables, TCC transfers)", left,
                sessions + ", 0 fences tried, 0 transfers TRIED");
    }

    private JsonNode tcSessions() {
        String console = "http://127.0.0.1:" + settings.ports().get(PortName.SEATA_CONSOLE);
        JsonNode login = send(HttpRequest.newBuilder(URI.create(console + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(CONSOLE_LOGIN)));
        String token = login.path("data").asText("");
        if (token.isEmpty()) {
            throw new IllegalStateException("login answered " + login);
        }
        return send(HttpRequest.newBuilder(URI.create(console + "/api/v1/console/globalSession/query?pageNum=1&pageSize=20"))
                .header("Authorization", token).GET());
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
