package io.creditsuite.gateway.application.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.creditsuite.gateway.application.callback.DispatchCallbacks.Pass;
import io.creditsuite.gateway.application.callback.RecordCallback.Recorded;
import io.creditsuite.gateway.domain.callback.AttemptOutcome;
import io.creditsuite.gateway.domain.callback.CallbackBackoff;
import io.creditsuite.gateway.domain.callback.CallbackDeliveries;
import io.creditsuite.gateway.domain.callback.CallbackKeys;
import io.creditsuite.gateway.domain.callback.CallbackSignaturePolicy;
import io.creditsuite.gateway.domain.callback.CallbackStatus;
import io.creditsuite.gateway.domain.callback.CallbackUrlPolicy;
import io.creditsuite.gateway.domain.callback.ClaimedDelivery;
import io.creditsuite.gateway.domain.callback.DecidedEvent;
import io.creditsuite.gateway.domain.callback.DeliveryView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dispatcher's decisions over in-memory fakes of its ports: claims, backoff, give-up, a lost lease. */
public class DispatchCallbacksTest {
    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    static final String URL = "https://partner.example.com/cb";

    final Deliveries deliveries = new Deliveries();
    final Sender sender = new Sender();
    final CallbackKeys keys = partnerId -> Optional.of(new CallbackKeys.PartnerSecret("ck_1", "secret-" + partnerId));
    final DispatchCallbacks dispatch = new DispatchCallbacks(deliveries, keys, sender, CallbackUrlPolicy.httpsOnly(),
            new DispatchCallbacks.Settings(new CallbackBackoff(Duration.ofSeconds(10), Duration.ofMinutes(10), 3), 10,
                    Duration.ofSeconds(60)));
    final RecordCallback record = new RecordCallback(deliveries, CallbackUrlPolicy.httpsOnly());

    public static DecidedEvent event(String eventId, String url) {
        return new DecidedEvent(eventId, "p-1", "APP-1", url, "{\"eventId\":\"" + eventId + "\"}");
    }

    @Test
    void a_failure_is_retried_after_the_backoff_and_a_2xx_delivers_it_signed_each_time() {
        assertEquals(Recorded.RECORDED, record.record(event("E-1", URL), T0));
        sender.answers(AttemptOutcome.answered(503), AttemptOutcome.noAnswer("HttpTimeoutException"),
                AttemptOutcome.answered(204));

        assertEquals(new Pass(0, 1, 0, 0), dispatch.dispatchDue(T0));
        assertEquals(0, dispatch.dispatchDue(T0.plusSeconds(9)).attempts());
        assertEquals(new Pass(0, 1, 0, 0), dispatch.dispatchDue(T0.plusSeconds(10)));
        assertEquals(new Pass(1, 0, 0, 0), dispatch.dispatchDue(T0.plusSeconds(30)));

        assertEquals(CallbackStatus.DELIVERED, deliveries.rows.get("E-1").status);
        assertEquals(3, sender.sent.size());
        for (Sent s : sender.sent) {
            assertEquals("E-1", s.signed().eventId());
            assertTrue(CallbackSignaturePolicy.verifies("secret-p-1", "E-1", Long.toString(s.signed().timestamp()),
                    s.signed().signature(), s.body(), Instant.ofEpochSecond(s.signed().timestamp()),
                    Duration.ofSeconds(1)));
        }
    }

    @Test
    void the_last_failed_attempt_gives_up_and_nothing_is_sent_after_it() {
        record.record(event("E-2", URL), T0);
        sender.answers(AttemptOutcome.answered(500), AttemptOutcome.answered(500), AttemptOutcome.answered(302));

        dispatch.dispatchDue(T0);
        dispatch.dispatchDue(T0.plusSeconds(10));
        assertEquals(new Pass(0, 0, 1, 0), dispatch.dispatchDue(T0.plusSeconds(30)));
        assertEquals(0, dispatch.dispatchDue(T0.plus(Duration.ofDays(1))).attempts());
        assertEquals(CallbackStatus.GAVE_UP, deliveries.rows.get("E-2").status);
        assertEquals(3, sender.sent.size());
    }

    @Test
    void an_event_recorded_twice_or_without_a_url_or_with_a_plain_http_url_sends_nothing() {
        assertEquals(Recorded.RECORDED, record.record(event("E-3", URL), T0));
        assertEquals(Recorded.ALREADY_RECORDED, record.record(event("E-3", URL), T0));
        assertEquals(Recorded.NO_CALLBACK, record.record(event("E-4", null), T0));
        assertEquals(Recorded.REFUSED_URL, record.record(event("E-5", "http://partner.example.com/cb"), T0));
        sender.answers(AttemptOutcome.answered(200));

        assertEquals(new Pass(1, 0, 0, 0), dispatch.dispatchDue(T0));
        assertEquals(List.of("E-3"), sender.sent.stream().map(s -> s.signed().eventId()).toList());
        assertEquals(CallbackStatus.GAVE_UP, deliveries.rows.get("E-5").status);
    }

    @Test
    void an_outcome_is_not_written_when_another_instance_took_the_row_over_meanwhile() {
        record.record(event("E-6", URL), T0);
        // while this attempt is on the wire, its lease runs out and another instance claims the row
        sender.onSend = () -> deliveries.rows.get("E-6").token = "someone-else";
        sender.answers(AttemptOutcome.answered(500));

        assertEquals(new Pass(0, 0, 0, 1), dispatch.dispatchDue(T0));
        assertEquals("someone-else", deliveries.rows.get("E-6").token);
    }

    record Sent(String url, byte[] body, CallbackSignaturePolicy.SignedCallback signed) {
    }

    public static final class Sender implements io.creditsuite.gateway.domain.callback.CallbackSender {
        final List<Sent> sent = new ArrayList<>();
        final Deque<AttemptOutcome> outcomes = new ArrayDeque<>();
        public Runnable onSend = () -> { };

        public void answers(AttemptOutcome... answers) {
            outcomes.addAll(List.of(answers));
        }

        @Override
        public AttemptOutcome post(String url, byte[] body, CallbackSignaturePolicy.SignedCallback signed) {
            sent.add(new Sent(url, body, signed));
            onSend.run();
            return outcomes.removeFirst();
        }
    }

    /** The conditional updates of JdbcCallbackDeliveries, in memory. */
    public static final class Deliveries implements CallbackDeliveries {
        static final class Row {
            DecidedEvent event;
            CallbackStatus status;
            int attempts;
            Instant next;
            String token;
            Instant leaseUntil;
        }

        final Map<String, Row> rows = new LinkedHashMap<>();

        @Override
        public boolean recordPending(DecidedEvent event, Instant now) {
            return insert(event, CallbackStatus.PENDING, now);
        }

        @Override
        public boolean recordRefused(DecidedEvent event, String why, Instant now) {
            return insert(event, CallbackStatus.GAVE_UP, now);
        }

        private boolean insert(DecidedEvent event, CallbackStatus status, Instant now) {
            if (rows.containsKey(event.eventId())) {
                return false;
            }
            Row row = new Row();
            row.event = event;
            row.status = status;
            row.next = now;
            rows.put(event.eventId(), row);
            return true;
        }

        private static boolean claimable(Row r, Instant now) {
            return r.status == CallbackStatus.PENDING && !r.next.isAfter(now)
                    && (r.leaseUntil == null || !r.leaseUntil.isAfter(now));
        }

        @Override
        public List<String> due(Instant now, int limit) {
            return rows.values().stream().filter(r -> claimable(r, now)).sorted(Comparator.comparing(r -> r.next))
                    .limit(limit).map(r -> r.event.eventId()).toList();
        }

        @Override
        public Optional<ClaimedDelivery> claim(String eventId, Instant now, Instant leaseUntil) {
            Row r = rows.get(eventId);
            if (r == null || !claimable(r, now)) {
                return Optional.empty();
            }
            r.token = UUID.randomUUID().toString();
            r.leaseUntil = leaseUntil;
            r.attempts++;
            return Optional.of(new ClaimedDelivery(eventId, r.event.partnerId(), r.event.callbackUrl(),
                    r.event.payloadJson(), r.attempts, r.token));
        }

        private Row held(ClaimedDelivery claim) {
            Row r = rows.get(claim.eventId());
            return r != null && claim.claimToken().equals(r.token) ? r : null;
        }

        @Override
        public boolean delivered(ClaimedDelivery claim, AttemptOutcome outcome, Instant at) {
            return finish(claim, CallbackStatus.DELIVERED);
        }

        @Override
        public boolean gaveUp(ClaimedDelivery claim, AttemptOutcome outcome, Instant at) {
            return finish(claim, CallbackStatus.GAVE_UP);
        }

        private boolean finish(ClaimedDelivery claim, CallbackStatus status) {
            Row r = held(claim);
            if (r == null) {
                return false;
            }
            r.status = status;
            r.token = null;
            r.leaseUntil = null;
            return true;
        }

        @Override
        public boolean retryAt(ClaimedDelivery claim, AttemptOutcome outcome, Instant next) {
            Row r = held(claim);
            if (r == null) {
                return false;
            }
            r.next = next;
            r.token = null;
            r.leaseUntil = null;
            return true;
        }

        @Override
        public List<DeliveryView> inStatus(CallbackStatus status, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<DeliveryView> find(String eventId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean rearm(String eventId, Instant now) {
            throw new UnsupportedOperationException();
        }
    }
}
