package io.creditsuite.credit.infrastructure.probe;

import org.apache.rocketmq.spring.annotation.RocketMQTransactionListener;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionListener;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionState;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The local transaction of the transactional MQ probe: the insert of its {@code mq_probe_message}
 * row. The row exists if and only if the local transaction committed, so it is the state that
 * {@link #checkLocalTransaction} looks up when the broker asks.
 *
 * <p>rocketmq-spring allows one transaction listener per {@code RocketMQTemplate}; this one serves
 * the default template and dispatches on the argument it is given. Business outboxes will need a
 * template of their own (an {@code @ExtRocketMQTemplateConfiguration}).
 */
@Component
@RocketMQTransactionListener
class MqProbeTransactionListener implements RocketMQLocalTransactionListener {
    private static final Logger log = LoggerFactory.getLogger(MqProbeTransactionListener.class);

    /** What the local transaction must do: the probe's row, and whether to fail after writing it. */
    record LocalWork(String probeId, boolean rollback) {
    }

    /** Raised inside the local transaction to make it roll back on request. */
    private static final class RequestedRollback extends RuntimeException {
        RequestedRollback(String probeId) {
            super("rollback of the local transaction of MQ probe " + probeId + " was requested", null, false, false);
        }
    }

    /**
     * Bounds the local transaction well below the broker's first check-back (its
     * {@code transactionTimeOut}: 6 s by default, 3 s in the test broker), so that by the time the
     * broker asks, the transaction has ended and a missing row means it rolled back.
     */
    static final int LOCAL_TRANSACTION_TIMEOUT_SECONDS = 2;

    private final MqProbeMessages messages;
    private final TransactionTemplate transaction;

    MqProbeTransactionListener(MqProbeMessages messages, PlatformTransactionManager transactionManager) {
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setTimeout(LOCAL_TRANSACTION_TIMEOUT_SECONDS);
    }

    @Override
    public RocketMQLocalTransactionState executeLocalTransaction(Message message, Object argument) {
        LocalWork work = (LocalWork) argument;
        try {
            transaction.executeWithoutResult(status -> {
                messages.insert(work.probeId(), true);
                if (work.rollback()) {
                    throw new RequestedRollback(work.probeId());
                }
            });
            return RocketMQLocalTransactionState.COMMIT;
        } catch (RuntimeException e) {
            // a failed local transaction (requested, or a duplicate probe id) wrote nothing: the
            // half message must never be delivered
            log.info("local transaction of MQ probe {} rolled back: {}", work.probeId(), e.getMessage());
            return RocketMQLocalTransactionState.ROLLBACK;
        }
    }

    /**
     * The broker asks when it did not get the outcome (the producer died, or the outcome was lost).
     * It asks no sooner than its transaction timeout after the half message, when the local
     * transaction (bounded by {@value #LOCAL_TRANSACTION_TIMEOUT_SECONDS} s) has ended: a missing
     * row then means it rolled back, or never ran.
     */
    @Override
    public RocketMQLocalTransactionState checkLocalTransaction(Message message) {
        Object keys = message.getHeaders().get(RocketMQHeaders.PREFIX + RocketMQHeaders.KEYS);
        String probeId = keys == null ? null : keys.toString();
        boolean committed = probeId != null && messages.exists(probeId);
        log.info("broker checked MQ probe {}: local transaction {}", probeId, committed ? "committed" : "absent");
        return committed ? RocketMQLocalTransactionState.COMMIT : RocketMQLocalTransactionState.ROLLBACK;
    }
}
