package io.creditsuite.support.outbox;

import io.creditsuite.support.env.Environments;
import io.creditsuite.support.requestid.RequestIds;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox as rows of {@code outbox_event}, inserted with the caller's connection inside the caller's transaction.
 *
 * <p>Guarantee: {@code event row committed <=> caller's transaction committed}. So it refuses to run unless a
 * transaction is active <em>on this template's DataSource</em> (Spring's {@code MANDATORY}, made stricter: a service
 * with a second pool, like credit-service's limit writers, must build one outbox per pool, or the event would be
 * written on another connection, committed on its own, and outlive a rolled-back fact).
 *
 * <p>The request id and the environment are taken from the log context ({@link RequestIds#current()},
 * {@link Environments#current()}) at append time: they travel to the message as user properties. A second append of the same (event type, business key) fails on the unique key, and so
 * does the caller's transaction: a fact is reported once.
 */
public final class JdbcOutbox implements Outbox {
    static final String INSERT = "INSERT INTO outbox_event (topic, event_type, schema_version, business_key, ordering_key,"
            + " payload_json, trace_id, request_id, env, created_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Clock clock;

    public JdbcOutbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.dataSource = Objects.requireNonNull(jdbc.getDataSource(), "the template's DataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void append(OutboxMessage message) {
        appendAll(List.of(message));
    }

    /** Appends several events, in order (their ids ascend in list order), with one JDBC batch. */
    @Override
    public void appendAll(List<OutboxMessage> messages) {
        requireTransaction();
        if (messages.isEmpty()) {
            return;
        }
        messages.forEach(OutboxMessages::validate);
        Timestamp now = Timestamp.from(clock.instant());
        String requestId = RequestIds.current();
        String env = Environments.current().orElse(null);
        jdbc.batchUpdate(INSERT, messages, messages.size(), (ps, m) -> {
            ps.setString(1, m.topic());
            ps.setString(2, m.eventType());
            ps.setInt(3, m.schemaVersion());
            ps.setString(4, m.businessKey());
            ps.setString(5, m.orderingKey());
            ps.setString(6, m.payloadJson());
            ps.setString(7, OutboxMessages.blankToNull(m.traceId()));
            ps.setString(8, OutboxMessages.blankToNull(requestId));
            ps.setString(9, env);
            ps.setTimestamp(10, now);
        });
    }

    private void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.getResource(dataSource) == null) {
            throw new IllegalTransactionStateException("an outbox event must be appended inside the transaction of"
                    + " the fact it reports, on the outbox's own DataSource; none is active");
        }
    }
}
