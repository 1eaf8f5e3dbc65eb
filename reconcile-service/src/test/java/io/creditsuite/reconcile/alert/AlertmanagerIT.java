package io.creditsuite.reconcile.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.creditsuite.api.reconcile.DiscrepancyService;
import io.creditsuite.api.reconcile.DiscrepancyView;
import io.creditsuite.middleware.Middleware;
import io.creditsuite.reconcile.application.alert.DiscrepancyAlerts;
import io.creditsuite.reconcile.application.realtime.RealTimeChecks;
import io.creditsuite.reconcile.domain.fact.Fact;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Discrepancies through a real Alertmanager with the repo's routing, to a real webhook receiver: alerts of one rule
 * arrive grouped at the critical robot, a silence suppresses an alert, and a resolved discrepancy sends "resolved".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AlertmanagerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> ROBOT = new CopyOnWriteArrayList<>();
    private static HttpServer receiver;
    private static AlertmanagerProcess alertmanager;

    @DynamicPropertySource
    static void middleware(DynamicPropertyRegistry registry) throws Exception {
        Middleware.shared().springProperties("cs_reconcile", EnumSet.of(Middleware.Component.DATABASE,
                        Middleware.Component.ZOOKEEPER, Middleware.Component.ROCKETMQ))
                .forEach((key, value) -> registry.add(key, () -> value));
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/alerts/robot", exchange -> {
            ROBOT.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.createContext("/alerts/generic", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        alertmanager = AlertmanagerProcess.start("http://127.0.0.1:" + receiver.getAddress().getPort());
        registry.add("credit-suite.bcp.alerts.alertmanager-url", () -> alertmanager.url);
        registry.add("credit-suite.bcp.alerts.interval", () -> "1h"); // the test pushes
        registry.add("credit-suite.bcp.sweep-interval", () -> "1h");
    }

    @AfterAll
    static void stop() {
        if (alertmanager != null) {
            alertmanager.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Autowired
    private RealTimeChecks checks;
    @Autowired
    private DiscrepancyAlerts alerts;
    @Autowired
    private DiscrepancyService discrepancies;

    @Test
    void alerts_arrive_grouped_a_silence_suppresses_one_and_a_resolved_discrepancy_resolves_its_alert()
            throws Exception {
        String first = mismatchedDrawdown();
        String second = mismatchedDrawdown();
        alerts.push(Instant.now());
        // one notification of the rule's group carries both
        await().atMost(Duration.ofSeconds(60)).until(() -> ROBOT.stream().anyMatch(n -> "firing".equals(
                n.path("status").asText()) && fingerprints(n).containsAll(List.of(first, second))
                && "R-DRAWDOWN-LEDGER".equals(n.path("groupLabels").path("rule").asText())));

        String silenced = mismatchedDrawdown();
        silence(silenced);
        alerts.push(Instant.now());
        await().atMost(Duration.ofSeconds(60)).until(() -> "suppressed".equals(alertState(silenced)));

        DiscrepancyView view = discrepancies.discrepancies("OPEN", "R-DRAWDOWN-LEDGER", 500).stream()
                .filter(d -> d.fingerprint().equals(first)).findFirst().orElseThrow();
        discrepancies.accept(view.id(), "biz-wang", "agreed with the bank: test data");
        alerts.push(Instant.now());
        await().atMost(Duration.ofSeconds(60)).until(() -> ROBOT.stream().flatMap(n -> alertsOf(n).stream())
                .anyMatch(a -> first.equals(a.path("labels").path("fingerprint").asText())
                        && "resolved".equals(a.path("status").asText())));
        assertThat(ROBOT.stream().flatMap(n -> fingerprints(n).stream())).doesNotContain(silenced);
    }

    /** A drawdown whose ledger payout has another amount: one OPEN discrepancy; returns its fingerprint. */
    private String mismatchedDrawdown() {
        String loanId = "LN" + UUID.randomUUID().toString().replace("-", "").substring(0, 19);
        String transferId = "LOAN-" + loanId;
        checks.record(new Fact("LOAN_DRAWDOWN_COMMITTED", loanId, "CU-1", Instant.now(), "trace-" + loanId, Map.of(
                "loanId", loanId, "transferId", transferId, "fundingAccountId", 3001L, "loanAccountId", 2001L,
                "amountMinor", 30_000L, "currency", "CNY", "ledgerVoucherNo", "#TCC-" + transferId + "-OUT",
                "creditRequestId", "tcc-confirm:loan:" + loanId, "lineId", "line-1")));
        checks.record(new Fact("LEDGER_TRANSFER_CONFIRMED", transferId + "-OUT", "2001", Instant.now(), null, Map.of(
                "transferId", transferId, "direction", "OUT", "accountId", 3001L, "contraAccountId", 2001L,
                "amountMinor", 29_000L, "currency", "CNY", "voucherNo", "#TCC-" + transferId + "-OUT")));
        return transferId + "-OUT";
    }

    private static void silence(String fingerprint) throws Exception {
        String body = JSON.writeValueAsString(Map.of("matchers", List.of(Map.of("name", "fingerprint", "value",
                        fingerprint, "isRegex", false, "isEqual", true)), "startsAt", Instant.now().toString(),
                "endsAt", Instant.now().plus(Duration.ofHours(1)).toString(), "createdBy", "alertmanager-it",
                "comment", "planned ledger maintenance"));
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(alertmanager.url + "/api/v2/silences")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    }

    private static String alertState(String fingerprint) throws Exception {
        String filter = URLEncoder.encode("fingerprint=\"" + fingerprint + "\"", StandardCharsets.UTF_8);
        JsonNode found = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                alertmanager.url + "/api/v2/alerts?filter=" + filter)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        return found.size() == 0 ? null : found.get(0).path("status").path("state").asText();
    }

    private static List<JsonNode> alertsOf(JsonNode notification) {
        return notification.path("alerts").findParents("labels").stream().toList();
    }

    private static List<String> fingerprints(JsonNode notification) {
        return alertsOf(notification).stream().map(a -> a.path("labels").path("fingerprint").asText()).toList();
    }
}
