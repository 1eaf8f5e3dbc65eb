package io.creditsuite.devstack.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The smoke demo's verdicts against a fake gateway: it must pass a healthy suite and fail each
 * kind of broken wiring, not just print.
 */
class SmokeDemoTest {

    private static final Pattern PROBE_ID = Pattern.compile("\"probeId\":\"([^\"]+)\"");
    private static final SmokeTimeouts FAST = new SmokeTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofMillis(600), Duration.ofSeconds(1));

    private final FakeGateway fake = new FakeGateway();
    private HttpServer server;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", fake::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_healthy_suite_passes_every_step() {
        SmokeReport report = run();

        assertThat(report.failures()).as(output()).isEmpty();
        assertThat(report.steps()).extracting(StepResult::name)
                .containsExactly("ping", "mq", "mq-tx-rollback", "tcc-commit", "tcc-rollback", "ledger-buffered");
        assertThat(output()).contains("PASS  ledger-buffered", "to BUFFERED account 7: ACCEPTED, applied");
        assertThat(output()).contains("PASS  ping", "5/5 services answered", "credit-service", "Smoke demo: PASS");
    }

    @Test
    void a_delivered_message_of_a_rolled_back_transaction_fails_the_demo() {
        fake.deliverRolledBack = true;

        SmokeReport report = run();

        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).extracting(StepResult::name).containsExactly("mq-tx-rollback");
        assertThat(output()).contains("FAIL  mq-tx-rollback", "WAS delivered", "Smoke demo: FAIL");
    }

    @Test
    void an_unreachable_service_or_a_branch_stuck_in_its_try_fails_its_step() {
        fake.approvalDown = true;
        fake.accountConfirms = false;

        SmokeReport report = run();

        assertThat(report.failures()).extracting(StepResult::name).containsExactly("ping", "tcc-commit");
        assertThat(output()).contains("4/5 services answered", "approval-service   UNREACHABLE",
                "account TRIED/fence 1");
    }

    @Test
    void a_buffered_posting_refused_for_want_of_its_topic_fails_the_demo() {
        fake.bufferedTopicMissing = true;

        SmokeReport report = run();

        assertThat(report.failures()).extracting(StepResult::name).containsExactly("ledger-buffered");
        assertThat(output()).contains("FAIL  ledger-buffered", "CS-3013");
    }

    @Test
    void a_buffered_posting_accepted_but_never_applied_fails_the_demo() {
        fake.bufferedApplied = false;

        SmokeReport report = run();

        assertThat(report.failures()).extracting(StepResult::name).containsExactly("ledger-buffered");
        assertThat(output()).contains("accepted but not applied to account 7");
    }

    private SmokeReport run() {
        GatewayClient client = new GatewayClient("http://127.0.0.1:" + server.getAddress().getPort());
        return new SmokeDemo(client, new PrintStream(printed, true, StandardCharsets.UTF_8), FAST).run();
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** Answers like the gateway; the flags break one piece of wiring each. */
    private static final class FakeGateway {
        volatile boolean deliverRolledBack;
        volatile boolean approvalDown;
        volatile boolean accountConfirms = true;
        volatile boolean bufferedTopicMissing;
        volatile boolean bufferedApplied = true;
        private final Map<String, Boolean> rolledBack = new ConcurrentHashMap<>();
        private final Map<String, String> scenarios = new ConcurrentHashMap<>();

        void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String last = path.substring(path.lastIndexOf('/') + 1);
            if (path.equals("/api/v1/system/ping")) {
                ping(exchange);
            } else if (path.equals("/api/v1/system/probes/mq")) {
                String id = probeId(body);
                boolean rollback = body.contains("\"rollbackLocalTransaction\":true");
                rolledBack.put(id, rollback);
                String state = body.contains("\"transactional\":true") ? (rollback ? "ROLLBACK_MESSAGE" : "COMMIT_MESSAGE") : "NONE";
                send(exchange, 200, "{\"probeId\":\"" + id + "\",\"topic\":\"CS_PROBE\",\"sendStatus\":\"SEND_OK\","
                        + "\"localTransactionState\":\"" + state + "\"}");
            } else if (path.startsWith("/api/v1/system/probes/mq/")) {
                boolean received = !rolledBack.getOrDefault(last, true) || deliverRolledBack;
                send(exchange, 200, "{\"probeId\":\"" + last + "\",\"received\":" + received
                        + ",\"consumerGroup\":\"reconcile-probe\",\"receivedAtEpochMilli\":" + System.currentTimeMillis() + "}");
            } else if (path.equals("/api/v1/system/probes/tcc")) {
                String id = probeId(body);
                String scenario = body.contains("ROLLBACK") ? "ROLLBACK" : "COMMIT";
                scenarios.put(id, scenario);
                send(exchange, 200, "{\"probeId\":\"" + id + "\",\"xid\":\"x:1\",\"scenario\":\"" + scenario
                        + "\",\"globalStatus\":\"" + (scenario.equals("COMMIT") ? "Committed" : "Rollbacked")
                        + "\",\"accountTry\":\"SUCCEEDED\",\"phase2Millis\":3}");
            } else if (path.startsWith("/api/v1/system/probes/tcc/")) {
                boolean commit = "COMMIT".equals(scenarios.get(last));
                String done = commit ? "\"phase\":\"CONFIRMED\",\"fenceStatus\":2" : "\"phase\":\"CANCELLED\",\"fenceStatus\":3";
                String account = commit && !accountConfirms ? "\"phase\":\"TRIED\",\"fenceStatus\":1" : done;
                send(exchange, 200, "{\"credit\":{\"service\":\"credit-service\",\"probeId\":\"" + last + "\",\"xid\":\"x:1\","
                        + done + "},\"account\":{\"service\":\"account-service\",\"probeId\":\"" + last
                        + "\",\"xid\":\"x:1\"," + account + "}}");
            } else if (path.equals("/api/v1/system/probes/ledger-buffered")) {
                if (bufferedTopicMissing) {
                    send(exchange, 503, "{\"code\":\"CS-3013\",\"detail\":\"the buffer queue did not take voucher"
                            + " probe-x (no route to the buffer queue)\"}");
                } else {
                    send(exchange, 200, "{\"probeId\":\"" + probeId(body) + "\",\"accountId\":7,\"hotMode\":\"BUFFERED\","
                            + "\"voucherNo\":\"probe-x\",\"outcome\":\"ACCEPTED\",\"amountMinor\":12345}");
                }
            } else if (path.startsWith("/api/v1/system/probes/ledger-buffered/")) {
                send(exchange, 200, "{\"accountId\":7,\"hotMode\":\"BUFFERED\",\"balanceMinor\":"
                        + (bufferedApplied ? 12345 : 0) + ",\"availableMinor\":0}");
            } else {
                send(exchange, 404, "{\"code\":\"NOT_FOUND\",\"detail\":\"no endpoint\"}");
            }
        }

        private void ping(HttpExchange exchange) throws IOException {
            StringBuilder services = new StringBuilder();
            for (String service : Set.of("gateway", "credit-service", "account-service", "approval-service",
                    "reconcile-service")) {
                boolean up = !(approvalDown && service.equals("approval-service"));
                services.append(services.length() == 0 ? "" : ",").append("{\"service\":\"").append(service)
                        .append("\",\"reachable\":").append(up).append(",\"latencyMillis\":2,\"detail\":\"0.1.0\"}");
            }
            String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            send(exchange, approvalDown ? 503 : 200, "{\"status\":\"" + (approvalDown ? "DOWN" : "UP")
                    + "\",\"requestId\":\"" + requestId + "\",\"services\":[" + services + "],\"unreachable\":"
                    + (approvalDown ? "[\"approval-service\"]" : "[]") + "}");
        }

        private static String probeId(String body) {
            Matcher matcher = PROBE_ID.matcher(body);
            return matcher.find() ? matcher.group(1) : "missing";
        }

        private static void send(HttpExchange exchange, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", status < 400 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
