package io.creditsuite.support.mq;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code mq_consumed}: how a RocketMQ consumer applies each business key at most once. It must be
 * called in the same local transaction as the consumer's effect ({@code MANDATORY}): the row and
 * the effect commit together, so a redelivery (same key, any msgId) finds the row and applies
 * nothing, and a consumer that crashed before commit gets the message again with no row.
 */
public final class ConsumedMessages {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate sameTransaction;
    private final Clock clock;

    public ConsumedMessages(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.sameTransaction = new TransactionTemplate(transactionManager);
        this.sameTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records that {@code consumerGroup} consumes {@code businessKey}; false when it already did,
     * in which case the caller must apply no effect and acknowledge the message.
     */
    public boolean firstDelivery(String consumerGroup, String businessKey, String topic, String msgId) {
        Boolean first = sameTransaction.execute(status -> {
            try {
                jdbc.update("INSERT INTO mq_consumed (consumer_group, business_key, topic, msg_id, consumed_at)"
                                + " VALUES (?, ?, ?, ?, ?)",
                        consumerGroup, businessKey, topic, msgId, Timestamp.from(clock.instant()));
                return true;
            } catch (DuplicateKeyException e) {
                // MariaDB rolls back only the failed statement; the caller's transaction goes on
                return false;
            }
        });
        return Boolean.TRUE.equals(first);
    }
}
