package io.creditsuite.middleware;

import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.broker.transaction.queue.MessageQueueOpContext;
import org.apache.rocketmq.broker.transaction.queue.TransactionalMessageBridge;
import org.apache.rocketmq.broker.transaction.queue.TransactionalMessageServiceImpl;

/**
 * RocketMQ 5.5.0's transactional message service with one bug fixed: a broker that has ever
 * committed or rolled back a transactional message spins one core at 100 % forever after.
 *
 * <p>Why (read from the 5.5.0 bytecode): {@code batchSendOpMessage()} returns the time its
 * {@code TransactionalOpBatchService} should wake next, computed as the oldest
 * {@code lastWriteTimestamp} of ALL per-queue contexts plus {@code transactionOpBatchInterval},
 * including contexts with nothing pending. Once the last op write is older than the interval,
 * that time is in the past, the method returns 0 ("run again now") and the service loops without
 * sleeping. Verified: a devstack broker's {@code TransactionalOpBatchService} thread used 295 s of
 * CPU in 451 s. Here, pending contexts alone decide the next wake-up.
 */
final class IdleSafeTransactionalMessageService extends TransactionalMessageServiceImpl {

    /** Never poll faster than this when something is pending but not yet due. */
    private static final long MIN_SLEEP_MILLIS = 10;

    private final BrokerController broker;

    IdleSafeTransactionalMessageService(BrokerController broker) {
        super(new TransactionalMessageBridge(broker, broker.getMessageStore()));
        this.broker = broker;
    }

    /** Replaces the service {@code initialize()} created; call before {@code start()}. */
    static void install(BrokerController broker) {
        broker.getTransactionalMessageService().close();
        broker.setTransactionalMessageService(new IdleSafeTransactionalMessageService(broker));
    }

    @Override
    public long batchSendOpMessage() {
        long next = super.batchSendOpMessage();
        long now = System.currentTimeMillis();
        if (next > now) {
            return next;
        }
        long interval = broker.getBrokerConfig().getTransactionOpBatchInterval();
        int maxSize = broker.getBrokerConfig().getTransactionOpMsgMaxSize();
        long earliest = now + interval;
        for (MessageQueueOpContext context : getDeleteContext().values()) {
            int pending = context.getTotalSize().get();
            if (pending <= 0 || context.getContextQueue().isEmpty()) {
                continue; // nothing to write: must not pull the wake-up time into the past
            }
            if (pending >= maxSize) {
                return 0L; // a full batch is waiting: write it now, as RocketMQ intends
            }
            earliest = Math.min(earliest, context.getLastWriteTimestamp() + interval);
        }
        return Math.max(earliest, now + MIN_SLEEP_MILLIS);
    }
}
