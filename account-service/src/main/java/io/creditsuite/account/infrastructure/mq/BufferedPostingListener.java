package io.creditsuite.account.infrastructure.mq;

import io.creditsuite.account.application.BufferedPostingGate;
import org.apache.rocketmq.spring.annotation.ConsumeMode;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Applies buffered postings in order per account (ORDERLY consumption). Dedupe is the journal's
 * unique voucher key: a redelivered message replays instead of posting twice. A failure other
 * than a business refusal throws, so RocketMQ redelivers.
 */
@Component
@ConditionalOnProperty(name = "credit-suite.ledger.buffered-consumer", havingValue = "true", matchIfMissing = true)
@RocketMQMessageListener(topic = BufferedPostingMessage.TOPIC, consumerGroup = "account-ledger-buffered",
        consumeMode = ConsumeMode.ORDERLY)
class BufferedPostingListener implements RocketMQListener<BufferedPostingMessage> {
    private final BufferedPostingGate gate;

    BufferedPostingListener(BufferedPostingGate gate) {
        this.gate = gate;
    }

    @Override
    public void onMessage(BufferedPostingMessage message) {
        gate.apply(message.command());
    }
}
