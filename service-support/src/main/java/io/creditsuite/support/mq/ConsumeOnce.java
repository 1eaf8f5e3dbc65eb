package io.creditsuite.support.mq;

import java.util.Objects;
import java.util.function.Consumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A consumer's effect applied at most once per business event: one local transaction inserts the dedupe row
 * ({@link ConsumedMessages}, key {@link #dedupeKey}) and runs the effect; a redelivery (same tag and KEYS, any msgId:
 * a relay that sent twice, a broker that redelivered) finds the row and runs nothing.
 *
 * <p>Guarantee, per consumer group and event: {@code effects applied = 1} once any delivery's transaction committed,
 * {@code 0} before. An effect that throws rolls the dedupe row back with it, so the message is consumed again later.
 */
public final class ConsumeOnce {
    private final ConsumedMessages consumed;
    private final TransactionTemplate transaction;
    private final String consumerGroup;

    public ConsumeOnce(ConsumedMessages consumed, PlatformTransactionManager transactionManager, String consumerGroup) {
        this.consumed = Objects.requireNonNull(consumed, "consumed");
        this.transaction = new TransactionTemplate(transactionManager);
        this.consumerGroup = Objects.requireNonNull(consumerGroup, "consumerGroup");
    }

    /**
     * What a consumer dedupes on: {@code <tag>:<KEYS>}, the pair the outbox keeps unique (one business id may report
     * two facts, e.g. a loan's drawdown and its disbursement).
     */
    public static String dedupeKey(MessageExt message) {
        String keys = message.getKeys();
        if (keys == null || keys.isBlank()) {
            throw new IllegalArgumentException("message " + message.getMsgId() + " has no KEYS: it cannot be deduped");
        }
        String tag = message.getTags();
        return tag == null || tag.isBlank() ? keys : tag + ":" + keys;
    }

    /** Applies {@code effect} in the dedupe row's transaction; false (and nothing applied) for a repeat. */
    public boolean apply(MessageExt message, Consumer<MessageExt> effect) {
        String key = dedupeKey(message);
        Boolean first = transaction.execute(status -> {
            if (!consumed.firstDelivery(consumerGroup, key, message.getTopic(), message.getMsgId())) {
                return false;
            }
            effect.accept(message);
            return true;
        });
        return Boolean.TRUE.equals(first);
    }
}
