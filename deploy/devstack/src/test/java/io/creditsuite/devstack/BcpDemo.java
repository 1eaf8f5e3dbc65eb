package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.devstack.smoke.BcpSmoke;
import io.creditsuite.devstack.smoke.OperatorClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's BCP demo on the running suite, as an SRE sees it: a limit node changed behind credit-service's back
 * is found by a full check started at the gateway (exactly one discrepancy, naming the node), shows as a firing alert
 * in Alertmanager, and once the row is put right the next full check passes, the discrepancy is resolved AUTO and
 * the alert resolves.
 */
final class BcpDemo {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A full check of the whole devstack takes about a second; this only caps the wait. */
    private static final Duration SETTLE = Duration.ofSeconds(90);

    private final OperatorClient operator;
    private final SuiteDatabase db;
    private final String alertmanager;
    private final HttpClient http = HttpClient.newHttpClient();

    BcpDemo(OperatorClient operator, SuiteDatabase db, String alertmanagerUrl) {
        this.operator = operator;
        this.db = db;
        this.alertmanager = alertmanagerUrl;
    }

    /** The fingerprint of the discrepancy found, for the caller's report. */
    String foundAlertedAndResolved() {
        long nodeId = db.query(SuiteDatabase.CREDIT, "SELECT MAX(node_id) FROM limit_node", rows -> rows.getLong(1))
                .get(0);
        String fingerprint = "node:" + nodeId;
        assertThat(db.tamper(SuiteDatabase.CREDIT, "UPDATE limit_node SET in_use_minor = in_use_minor + 1"
                + " WHERE node_id = ?", nodeId)).isEqualTo(1);

        JsonNode found = BcpSmoke.fullCheck(operator, "ALL", "system-test", SETTLE);
        assertThat(found.path("state").asText()).as(found.toString()).isEqualTo("FOUND");
        JsonNode open = operator.call("GET", "ops/v1/discrepancies?state=OPEN&limit=50", null);
        assertThat(open.findValuesAsText("fingerprint")).as(open.toString()).containsExactly(fingerprint);
        JsonNode discrepancy = open.get(0);
        assertThat(discrepancy.path("ruleId").asText()).isEqualTo("F-NODE-REPLAY");
        assertThat(discrepancy.path("detail").asText()).contains("in_use: drift 1");

        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(activeAlerts(fingerprint)).as("the firing alert in Alertmanager").hasSize(1));

        db.tamper(SuiteDatabase.CREDIT, "UPDATE limit_node SET in_use_minor = in_use_minor - 1 WHERE node_id = ?",
                nodeId);
        JsonNode passed = BcpSmoke.fullCheck(operator, "ALL", "system-test", SETTLE);
        assertThat(passed.path("state").asText()).as(passed.toString()).isEqualTo("PASSED");
        JsonNode resolved = operator.call("GET", "ops/v1/discrepancies/" + discrepancy.path("id").asLong(), null);
        assertThat(resolved.path("state").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.path("resolution").asText()).isEqualTo("AUTO");

        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(activeAlerts(fingerprint)).as("the alert resolved in Alertmanager").isEmpty());
        return fingerprint;
    }

    /** Alertmanager's alerts of BCP for {@code fingerprint} that have not ended. */
    private List<JsonNode> activeAlerts(String fingerprint) throws IOException, InterruptedException {
        String filter = URLEncoder.encode("fingerprint=\"" + fingerprint + "\"", StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(alertmanager
                + "/api/v2/alerts?filter=" + filter)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<JsonNode> active = new ArrayList<>();
        for (JsonNode alert : JSON.readTree(answer.body())) {
            String endsAt = alert.path("endsAt").asText();
            boolean ended = !endsAt.isEmpty() && Instant.parse(endsAt).isBefore(Instant.now());
            if (!ended && "active".equals(alert.path("status").path("state").asText())) {
                active.add(alert);
            }
        }
        return active;
    }
}
