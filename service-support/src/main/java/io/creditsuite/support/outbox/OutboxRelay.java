package io.creditsuite.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's unsent rows to the broker, in id order, in bounded batches, and marks them sent.
 *
 * <p>Guarantees:
 * <pre>
 *   committed row  =&gt;  sent at least once (a crash between send and mark sends it again; consumers dedupe)
 *   rolled-back    =&gt;  never sent (the relay reads committed rows only)
 *   for rows a, b of one ordering key with a.id &lt; b.id and a committed before b was appended (every causal pair):
 *       the first send of a precedes the first send of b
 * </pre>
 * Why one sender at a time: each round runs in one transaction that first takes the lease row
 * ({@code outbox_relay_lease}) with {@code SELECT ... FOR UPDATE SKIP LOCKED} and keeps it until the round's marks
 * commit; an instance that finds it locked skips the round. Locking the event rows themselves with SKIP LOCKED would let
 * two instances send a later row of one customer while an earlier one is still in flight on the other. A row whose send
 * fails blocks the later rows of its ordering key for the round (the others go on, until {@value #FAILURES_PER_ROUND}
 * failures end the round); it is retried next round, with the relay's back-off ({@link OutboxRelayRunner}). The
 * lease dies with its connection, so a crashed instance never blocks the others for longer than the database needs to
 * notice.
 */
public final class OutboxRelay {
    static final String LEASE = "outbox-relay";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int ERROR_MAX = 512;
    /** Failed sends after which a round gives up: the broker is likely away, and each failure costs a send timeout. */
    static final int FAILURES_PER_ROUND = 3;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate round;
    private final OutboxSender sender;
    private final Clock clock;
    private final int batchSize;
    private final String instance;
    private final Counter sentCounter;
    private final Counter failureCounter;

    /** What one round did. */
    public record Round(boolean leaseTaken, int sent, int failed) {
        static final Round SKIPPED = new Round(false, 0, 0);
    }

    public OutboxRelay(JdbcTemplate jdbc, OutboxSender sender, Clock clock, int batchSize, String instance,
                       MeterRegistry meters) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.round = new TransactionTemplate(new DataSourceTransactionManager(Objects.requireNonNull(jdbc.getDataSource())));
        this.sender = Objects.requireNonNull(sender, "sender");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1");
        }
        this.batchSize = batchSize;
        this.instance = instance;
        this.sentCounter = Counter.builder("outbox.sent").description("outbox events the broker stored").register(meters);
        this.failureCounter = Counter.builder("outbox.send.failures").description("failed sends of outbox events")
                .register(meters);
        // read at each scrape, with the (sent_at, id) index: a growing backlog is a stuck relay's alarm
        Gauge.builder("outbox.backlog", this, OutboxRelay::backlog).description("outbox events not yet sent")
                .register(meters);
    }

    /** One round: at most one batch, if this instance gets the lease. */
    public Round sendOnce() {
        Round result = round.execute(status -> {
            List<String> lease = jdbc.queryForList(
                    "SELECT name FROM outbox_relay_lease WHERE name = ? FOR UPDATE SKIP LOCKED", String.class, LEASE);
            if (lease.isEmpty()) {
                return Round.SKIPPED;
            }
            List<OutboxRow> rows = unsent();
            if (rows.isEmpty()) {
                return new Round(true, 0, 0); // an idle round writes nothing (it runs several times a second)
            }
            OutboxSender.Result outcome = sender.sendAll(rows, FAILURES_PER_ROUND);
            List<Object[]> failed = new ArrayList<>();
            for (OutboxRow row : rows) {
                String error = outcome.failed().get(row.id());
                if (error != null) {
                    failed.add(new Object[]{error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error, row.id()});
                    log.warn("outbox row {} ({} {}, key {}, attempt {}) not sent: {}", row.id(), row.eventType(),
                            row.businessKey(), row.orderingKey(), row.attempts() + 1, error);
                }
            }
            markSent(outcome.sentIds());
            if (!failed.isEmpty()) {
                jdbc.batchUpdate("UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE id = ?", failed);
            }
            jdbc.update("UPDATE outbox_relay_lease SET holder = ?, renewed_at = ? WHERE name = ?", instance,
                    Timestamp.from(clock.instant()), LEASE);
            return new Round(true, outcome.sentIds().size(), failed.size());
        });
        sentCounter.increment(result.sent());
        failureCounter.increment(result.failed());
        return result;
    }

    /** One UPDATE for the round's sent rows (not one statement per row: the relay runs as often as the writers commit). */
    private void markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        Object[] args = new Object[ids.size() + 1];
        args[0] = Timestamp.from(clock.instant());
        for (int i = 0; i < ids.size(); i++) {
            args[i + 1] = ids.get(i);
        }
        jdbc.update("UPDATE outbox_event SET sent_at = ? WHERE id IN (" + marks + ")", args);
    }

    /**
     * Sends until nothing is left, for tests and shutdown: rounds until one sends nothing; stops at the first round
     * with a failure or without the lease.
     *
     * @return the rows sent
     */
    public int drain() {
        int total = 0;
        while (true) {
            Round r = sendOnce();
            total += r.sent();
            if (!r.leaseTaken() || r.failed() > 0 || r.sent() == 0) {
                return total;
            }
        }
    }

    /** Deletes rows sent before {@code now - retention}, at most {@code limit} of them; returns how many. */
    public int purgeSentBefore(Duration retention, int limit) {
        Instant cutoff = clock.instant().minus(retention);
        return jdbc.update("DELETE FROM outbox_event WHERE sent_at IS NOT NULL AND sent_at < ? ORDER BY sent_at LIMIT ?",
                Timestamp.from(cutoff), limit);
    }

    /** Rows not yet sent. */
    public long backlog() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL", Long.class);
        return n == null ? 0 : n;
    }

    private List<OutboxRow> unsent() {
        return jdbc.query("SELECT id, topic, event_type, schema_version, business_key, ordering_key, payload_json,"
                        + " trace_id, request_id, created_at, attempts, env FROM outbox_event WHERE sent_at IS NULL"
                        + " ORDER BY id LIMIT ?",
                (rs, i) -> new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getTimestamp(10).toInstant(), rs.getInt(11), rs.getString(12)),
                batchSize);
    }
}
