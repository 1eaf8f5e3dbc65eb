package io.creditsuite.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.creditsuite.gateway.application.callback.DispatchCallbacks;
import io.creditsuite.gateway.application.callback.DispatchCallbacks.Pass;
import io.creditsuite.gateway.domain.callback.AttemptOutcome;
import io.creditsuite.gateway.domain.callback.CallbackDeliveries;
import io.creditsuite.gateway.domain.callback.ClaimedDelivery;
import io.creditsuite.gateway.domain.callback.DecidedEvent;
import io.creditsuite.middleware.spring.MiddlewareInitializer;
import io.creditsuite.partnerclient.CallbackVerifier;
import io.creditsuite.support.outbox.OutboxRow;
import io.creditsuite.support.outbox.RocketMqOutboxSender;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Decision callbacks end to end on the real database and broker: an APPLICATION_DECIDED published as approval-service's
 * outbox publishes it, consumed into a delivery row, dispatched by passes at instants the test chooses to a real HTTP
 * receiver on a loopback port. The dispatcher's own timer is set to an hour and the clock fixed in 2100, so only the
 * test's passes send (and no other gateway context in this JVM finds these rows due).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "creditsuite.test.middleware=database,zookeeper,rocketmq",
        "credit-suite.gateway.callbacks.allow-loopback-http=true",
        "credit-suite.gateway.callbacks.dispatch-every=1h",
        "credit-suite.gateway.callbacks.max-attempts=4"})
@ContextConfiguration(initializers = MiddlewareInitializer.class)
@Import(CallbackDeliveryIT.FixedClock.class)
@ExtendWith(OutputCaptureExtension.class)
class CallbackDeliveryIT {
    static final Instant T0 = Instant.parse("2100-01-01T00:00:00Z");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration DEADLINE = Duration.ofSeconds(60);
    static Receiver receiver;
    static DefaultMQProducer producer;
    static final java.util.concurrent.atomic.AtomicLong OUTBOX_IDS = new java.util.concurrent.atomic.AtomicLong();

    @Autowired
    DispatchCallbacks dispatcher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CallbackDeliveries deliveries;
    @LocalServerPort
    int port;
    @Value("${credit-suite.gateway.operator-token}")
    String operatorToken;
    @Value("${rocketmq.name-server}")
    String nameServer;

    String partnerId;
    String keyId;
    String secret;

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        Clock testClock() {
            return Clock.fixed(T0, ZoneOffset.UTC);
        }
    }

    @BeforeAll
    static void a_partner_endpoint() throws Exception {
        receiver = new Receiver();
    }

    @AfterAll
    static void stop() {
        receiver.server.stop(0);
        if (producer != null) {
            producer.shutdown();
        }
    }

    @BeforeEach
    void a_partner_with_a_key() throws Exception {
        partnerId = "cb-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, ops("POST", "/ops/v1/partners", "{\"partnerId\":\"" + partnerId
                + "\",\"name\":\"Callback Bank\",\"scopes\":[\"APPLICATIONS\"]}").statusCode());
        JsonNode key = JSON.readTree(ops("POST", "/ops/v1/partners/" + partnerId + "/keys", "").body());
        keyId = key.path("keyId").asText();
        secret = key.path("secret").asText();
        // a run that failed halfway may have left rows due at T0 in this database: a pass here must count only ours
        jdbc.update("UPDATE callback_delivery SET status = 'GAVE_UP' WHERE status = 'PENDING'");
        synchronized (CallbackDeliveryIT.class) {
            if (producer == null) {
                producer = new DefaultMQProducer("it-callback-producer");
                producer.setNamesrvAddr(nameServer);
                producer.setInstanceName("it-callback-producer-" + UUID.randomUUID());
                producer.start();
            }
        }
    }

    @Test
    void two_failures_then_a_2xx_make_three_signed_attempts_of_one_event_and_a_redelivered_event_sends_nothing(
            CapturedOutput output) throws Exception {
        String path = "/cb/" + partnerId;
        receiver.failFirst(path, 2);
        String applicationId = "APP-" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = applicationId + ":GRANTED:1";
        String body = decided(eventId, applicationId, "http://127.0.0.1:" + receiver.port() + path);

        publish(eventId, applicationId, body);
        await("the delivery row", () -> rows(eventId) == 1);

        assertEquals(new Pass(0, 1, 0, 0), dispatcher.dispatchDue(T0));
        assertEquals(0, dispatcher.dispatchDue(T0.plusSeconds(9)).attempts(), "not due before 10 s");
        assertEquals(new Pass(0, 1, 0, 0), dispatcher.dispatchDue(T0.plusSeconds(10)));
        assertEquals(0, dispatcher.dispatchDue(T0.plusSeconds(29)).attempts(), "not due before 10 + 20 s");
        assertEquals(new Pass(1, 0, 0, 0), dispatcher.dispatchDue(T0.plusSeconds(30)));

        List<Received> got = receiver.on(path);
        assertEquals(3, got.size());
        List<Long> seconds = List.of(T0.getEpochSecond(), T0.getEpochSecond() + 10, T0.getEpochSecond() + 30);
        for (int i = 0; i < got.size(); i++) {
            Received r = got.get(i);
            assertEquals(eventId, r.header("X-CS-Event-Id"));
            assertEquals(keyId, r.header("X-CS-Key-Id"));
            assertEquals(Long.toString(seconds.get(i)), r.header("X-CS-Timestamp"));
            assertEquals(body, new String(r.body(), StandardCharsets.UTF_8), "the event's JSON as published");
            assertTrue(CallbackVerifier.verifyCallback(secret, r.header("X-CS-Event-Id"), r.header("X-CS-Timestamp"),
                    r.header("X-CS-Signature"), r.body(), Instant.ofEpochSecond(seconds.get(i)),
                    CallbackVerifier.DEFAULT_WINDOW), "attempt " + (i + 1) + " verifies with the partner's secret");
        }
        assertEquals(Map.of("status", "DELIVERED", "attempts", 3, "last_http_status", 200),
                jdbc.queryForMap("SELECT status, attempts, last_http_status FROM callback_delivery WHERE event_id = ?",
                        eventId));

        // the same event again (a relay that sent twice): recorded nothing, so no pass sends it again
        publish(eventId, applicationId, body);
        await("the duplicate consumed", () -> output.getOut().contains("decision " + eventId + " delivered again"));
        assertEquals(0, dispatcher.dispatchDue(T0.plus(Duration.ofHours(1))).attempts());
        assertEquals(3, receiver.on(path).size());
        assertEquals(1, rows(eventId));
    }

    @Test
    void a_partner_that_keeps_failing_is_given_up_after_the_last_attempt_and_an_operator_can_re_arm_it()
            throws Exception {
        String path = "/cb/" + partnerId;
        receiver.failFirst(path, 4);
        String applicationId = "APP-" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = applicationId + ":REJECTED:1";
        publish(eventId, applicationId, decided(eventId, applicationId, "http://127.0.0.1:" + receiver.port() + path));
        await("the delivery row", () -> rows(eventId) == 1);

        Instant t = T0.plus(Duration.ofDays(1));
        for (long afterSeconds : new long[] {0, 10, 20, 40}) {
            t = t.plusSeconds(afterSeconds);
            dispatcher.dispatchDue(t);
        }
        assertEquals(4, receiver.on(path).size());
        assertEquals("GAVE_UP", jdbc.queryForObject("SELECT status FROM callback_delivery WHERE event_id = ?",
                String.class, eventId));
        JsonNode gaveUp = JSON.readTree(ops("GET", "/ops/v1/callbacks?status=GAVE_UP", null).body());
        assertTrue(gaveUp.path("deliveries").findValuesAsText("eventId").contains(eventId), gaveUp.toString());

        HttpResponse<String> retried = ops("POST", "/ops/v1/callbacks/" + eventId + "/retry", "");
        assertEquals(200, retried.statusCode(), retried.body());
        assertEquals("PENDING", JSON.readTree(retried.body()).path("status").asText());
        // the operator's re-arm is due at the gateway clock's now (T0): the next pass after it delivers
        assertEquals(new Pass(1, 0, 0, 0), dispatcher.dispatchDue(T0.plus(Duration.ofDays(2))));
        assertEquals(5, receiver.on(path).size());

        assertEquals(404, ops("POST", "/ops/v1/callbacks/no-such-event/retry", "").statusCode());
    }

    @Test
    void of_two_instances_claiming_one_due_row_at_once_one_gets_it_and_the_other_only_after_the_lease()
            throws Exception {
        String eventId = "APP-" + UUID.randomUUID().toString().substring(0, 8) + ":GRANTED:1";
        Instant now = T0.plus(Duration.ofDays(3));
        assertTrue(deliveries.recordPending(new DecidedEvent(eventId, partnerId, "APP-x", "https://partner.example/cb",
                "{}"), now));
        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        Callable<Optional<ClaimedDelivery>> claim = () -> {
            go.await();
            return deliveries.claim(eventId, now, now.plusSeconds(60));
        };
        try {
            List<Future<Optional<ClaimedDelivery>>> both = List.of(instances.submit(claim), instances.submit(claim));
            go.countDown();
            List<ClaimedDelivery> won = new java.util.ArrayList<>();
            for (Future<Optional<ClaimedDelivery>> f : both) {
                f.get(30, TimeUnit.SECONDS).ifPresent(won::add);
            }
            assertEquals(1, won.size(), "exactly one claim wins the conditional update");

            assertTrue(deliveries.claim(eventId, now.plusSeconds(59), now.plusSeconds(119)).isEmpty(), "leased");
            ClaimedDelivery takeover = deliveries.claim(eventId, now.plusSeconds(60), now.plusSeconds(120))
                    .orElseThrow();
            assertEquals(2, takeover.attempt());
            assertFalse(deliveries.delivered(won.get(0), AttemptOutcome.answered(200), now.plusSeconds(61)),
                    "the first holder lost its lease: its outcome is not written");
            assertTrue(deliveries.gaveUp(takeover, AttemptOutcome.answered(500), now.plusSeconds(61)));
        } finally {
            instances.shutdownNow();
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** The JSON OutboxDecisionEvents writes (field order and types as there). */
    private String decided(String eventId, String applicationId, String callbackUrl) throws Exception {
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("eventId", eventId);
        event.put("applicationId", applicationId);
        event.put("partnerId", partnerId);
        event.put("partnerApplicationId", "PA-" + applicationId);
        event.put("customerId", "c-1");
        event.put("status", eventId.split(":")[1]);
        event.put("currency", "CNY");
        event.put("requestedMinor", 50_000_000L);
        event.put("approvedMinor", 40_000_000L);
        event.put("lineId", "L-1");
        event.put("reasonCode", null);
        event.put("callbackUrl", callbackUrl);
        event.put("occurredAt", "2100-01-01T00:00:00Z");
        event.put("traceId", "it-trace");
        return JSON.writeValueAsString(event);
    }

    /** The message approval-service's outbox relay makes of the outbox row OutboxDecisionEvents appends. */
    private void publish(String eventId, String applicationId, String body) throws Exception {
        Message message = RocketMqOutboxSender.message(new OutboxRow(OUTBOX_IDS.incrementAndGet(), "CS_APPROVAL_EVENTS",
                "APPLICATION_DECIDED", 1, eventId, applicationId, body, "it-trace", null, T0, 0, null));
        assertEquals(SendStatus.SEND_OK, producer.send(message, 10_000).getSendStatus());
    }

    private int rows(String eventId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM callback_delivery WHERE event_id = ?", Integer.class, eventId);
    }

    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }

    private HttpResponse<String> ops(String method, String path, String body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Operator-Token", operatorToken);
        if (body == null) {
            builder.GET();
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    record Received(String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** The partner's endpoint: answers 500 to the first n POSTs of a path, 200 afterwards, and keeps what it got. */
    static final class Receiver {
        final HttpServer server;
        final List<Received> received = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

        Receiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()),
                        exchange.getRequestBody().readAllBytes()));
                AtomicInteger left = failuresLeft.get(path);
                int status = left != null && left.getAndDecrement() > 0 ? 500 : 200;
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void failFirst(String path, int n) {
            failuresLeft.put(path, new AtomicInteger(n));
        }

        List<Received> on(String path) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }
    }
}
