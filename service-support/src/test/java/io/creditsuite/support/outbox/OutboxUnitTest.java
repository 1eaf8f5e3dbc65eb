package io.creditsuite.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.creditsuite.support.mq.ConsumeOnce;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The outbox's pieces without middleware: the envelope, the checks, the transaction rule, the back-off. */
class OutboxUnitTest {
    private static final OutboxRow ROW = new OutboxRow(42, "CS_CREDIT_EVENTS", "CREDIT_HOLD_FROZEN", 1, "req-1",
            "CUST-9", "{\"holdId\":\"req-1\"}", "trace-1", "request-1", Instant.EPOCH, 0, null);

    @Test
    void the_message_carries_tag_keys_body_and_the_envelope_properties() {
        Message m = RocketMqOutboxSender.message(ROW);

        assertThat(m.getTopic()).isEqualTo("CS_CREDIT_EVENTS");
        assertThat(m.getTags()).isEqualTo("CREDIT_HOLD_FROZEN");
        assertThat(m.getKeys()).isEqualTo("req-1");
        assertThat(new String(m.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"holdId\":\"req-1\"}");
        assertThat(m.getUserProperty(RocketMqOutboxSender.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(m.getUserProperty(RocketMqOutboxSender.TRACE_ID)).isEqualTo("trace-1");
        assertThat(m.getUserProperty(RocketMqOutboxSender.REQUEST_ID)).isEqualTo("request-1");
        assertThat(m.getUserProperty(RocketMqOutboxSender.ORDERING_KEY)).isEqualTo("CUST-9");
        assertThat(m.getUserProperty(RocketMqOutboxSender.EVENT_ID)).isEqualTo("42");
    }

    @Test
    void a_message_without_trace_or_request_id_has_no_such_property() {
        Message m = RocketMqOutboxSender.message(new OutboxRow(1, "T", "E", 1, "k", "o", "{}", null, " ", Instant.EPOCH, 0, null));

        assertThat(m.getUserProperty(RocketMqOutboxSender.TRACE_ID)).isNull();
        assertThat(m.getUserProperty(RocketMqOutboxSender.REQUEST_ID)).isNull();
    }

    @Test
    void an_append_outside_a_transaction_of_its_datasource_is_refused() {
        DriverManagerDataSource outboxDb = new DriverManagerDataSource("jdbc:nowhere:outbox");
        DriverManagerDataSource otherDb = new DriverManagerDataSource("jdbc:nowhere:other");
        JdbcOutbox outbox = new JdbcOutbox(new JdbcTemplate(outboxDb), Clock.systemUTC());
        OutboxMessage message = new OutboxMessage("T", "E", 1, "k", "o", "{}", null);

        assertThat(catchThrowable(() -> outbox.append(message))).isInstanceOf(IllegalTransactionStateException.class);
        // a transaction on another DataSource does not count: the event would commit on its own connection
        TransactionSynchronizationManager.setActualTransactionActive(true);
        TransactionSynchronizationManager.bindResource(otherDb, new Object());
        Throwable inOther;
        try {
            inOther = catchThrowable(() -> outbox.append(message));
        } finally {
            TransactionSynchronizationManager.unbindResource(otherDb);
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(inOther).isInstanceOf(IllegalTransactionStateException.class)
                .hasMessageContaining("on the outbox's own DataSource");
    }

    @Test
    void malformed_messages_are_refused_naming_the_field() {
        assertThat(catchThrowable(() -> OutboxMessages.validate(new OutboxMessage("T", "E", 1, " ", "o", "{}", null))))
                .hasMessageContaining("businessKey");
        assertThat(catchThrowable(() -> OutboxMessages.validate(new OutboxMessage("T", "E", 0, "k", "o", "{}", null))))
                .hasMessageContaining("schemaVersion");
        assertThat(catchThrowable(() -> OutboxMessages.validate(new OutboxMessage("T", "E", 1, "k", "o", "[1]", null))))
                .hasMessageContaining("JSON object");
        assertThat(catchThrowable(() -> OutboxMessages.validate(new OutboxMessage("T", "E".repeat(60), 1, "k".repeat(70),
                "o", "{}", null)))).hasMessageContaining("dedupe key");
        OutboxMessages.validate(new OutboxMessage("T", "E", 1, "k", "o", "{}", null));
    }

    @Test
    void the_relay_waits_none_after_a_full_batch_the_interval_when_idle_and_backs_off_doubling_to_a_cap() {
        Duration poll = Duration.ofMillis(200);
        Duration cap = Duration.ofSeconds(1);

        assertThat(OutboxRelayRunner.nextDelay(new OutboxRelay.Round(true, 100, 0), 100, 0, poll, cap)).isZero();
        assertThat(OutboxRelayRunner.nextDelay(new OutboxRelay.Round(true, 3, 0), 100, 0, poll, cap)).isEqualTo(poll);
        assertThat(OutboxRelayRunner.nextDelay(new OutboxRelay.Round(false, 0, 0), 100, 0, poll, cap)).isEqualTo(poll);
        assertThat(OutboxRelayRunner.nextDelay(new OutboxRelay.Round(true, 0, 1), 100, 1, poll, cap)).isEqualTo(poll);
        assertThat(OutboxRelayRunner.nextDelay(new OutboxRelay.Round(true, 0, 1), 100, 2, poll, cap))
                .isEqualTo(Duration.ofMillis(400));
        assertThat(OutboxRelayRunner.nextDelay(new OutboxRelay.Round(true, 0, 1), 100, 30, poll, cap)).isEqualTo(cap);
    }

    @Test
    void a_consumer_dedupes_on_tag_and_keys_and_refuses_a_message_without_keys() {
        MessageExt m = new MessageExt();
        m.setTags("LOAN_DISBURSED");
        m.setKeys("L-1");
        assertThat(ConsumeOnce.dedupeKey(m)).isEqualTo("LOAN_DISBURSED:L-1");

        MessageExt noKeys = new MessageExt();
        noKeys.setTags("X");
        assertThat(catchThrowable(() -> ConsumeOnce.dedupeKey(noKeys))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_queue_s_rows_are_cut_in_order_into_batches_of_at_most_64_messages_and_about_half_a_megabyte() {
        java.util.List<OutboxRow> small = java.util.stream.LongStream.range(0, 130)
                .mapToObj(i -> new OutboxRow(i, "T", "E", 1, "k" + i, "o", "{}", null, null, Instant.EPOCH, 0, null)).toList();
        assertThat(RocketMqOutboxSender.batches(small)).extracting(java.util.List::size).containsExactly(64, 64, 2);
        assertThat(RocketMqOutboxSender.batches(small).get(1).get(0).id()).isEqualTo(64);

        String big = "{\"x\":\"" + "a".repeat(100_000) + "\"}";
        java.util.List<OutboxRow> large = java.util.stream.LongStream.range(0, 3)
                .mapToObj(i -> new OutboxRow(i, "T", "E", 1, "k" + i, "o", big, null, null, Instant.EPOCH, 0, null)).toList();
        assertThat(RocketMqOutboxSender.batches(large)).extracting(java.util.List::size).containsExactly(1, 1, 1);
    }

    @Test
    void the_default_send_of_a_round_skips_the_later_rows_of_a_failed_key_and_stops_after_max_failures() {
        java.util.List<OutboxRow> rows = java.util.List.of(row(1, "a"), row(2, "b"), row(3, "a"), row(4, "c"), row(5, "d"),
                row(6, "e"));
        OutboxSender failsAAndC = r -> {
            if (r.orderingKey().equals("a") || r.orderingKey().equals("c") || r.orderingKey().equals("d")) {
                throw new IllegalStateException("down " + r.id());
            }
        };

        OutboxSender.Result result = failsAAndC.sendAll(rows, 3);

        assertThat(result.sentIds()).containsExactly(2L);
        assertThat(result.failed()).containsOnlyKeys(1L, 4L, 5L).containsEntry(1L, "down 1");
    }

    private static OutboxRow row(long id, String key) {
        return new OutboxRow(id, "T", "E", 1, "k" + id, key, "{}", null, null, Instant.EPOCH, 0, null);
    }
}
