package io.creditsuite.reconcile.infrastructure.probe;

import io.creditsuite.api.probe.MqProbeMessage;
import io.creditsuite.api.probe.MqProbeReceipt;
import io.creditsuite.support.mq.ConsumedMessages;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code probe_receipt}: what reconcile-service received of the MQ probe. */
@Component
class ProbeReceipts {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ConsumedMessages consumed;
    private final Clock clock;

    ProbeReceipts(JdbcTemplate jdbc, TransactionTemplate transaction, ConsumedMessages consumed, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.consumed = consumed;
        this.clock = clock;
    }

    /** Applies one delivery; false when the probe had already been received (nothing written). */
    boolean receive(MqProbeMessage probe, String msgId) {
        Boolean first = transaction.execute(status -> {
            if (!consumed.firstDelivery(ProbeMessageListener.CONSUMER_GROUP, probe.probeId(), MqProbeMessage.TOPIC,
                    msgId)) {
                return false;
            }
            jdbc.update("INSERT INTO probe_receipt (probe_id, msg_id, transactional, sent_at, received_at)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    probe.probeId(), msgId, probe.transactional(),
                    Timestamp.from(Instant.ofEpochMilli(probe.sentAtEpochMilli())), Timestamp.from(clock.instant()));
            return true;
        });
        return Boolean.TRUE.equals(first);
    }

    MqProbeReceipt find(String probeId) {
        List<Timestamp> receivedAt = jdbc.queryForList(
                "SELECT received_at FROM probe_receipt WHERE probe_id = ?", Timestamp.class, probeId);
        return receivedAt.isEmpty()
                ? new MqProbeReceipt(probeId, false, ProbeMessageListener.CONSUMER_GROUP, 0L)
                : new MqProbeReceipt(probeId, true, ProbeMessageListener.CONSUMER_GROUP, receivedAt.get(0).getTime());
    }
}
