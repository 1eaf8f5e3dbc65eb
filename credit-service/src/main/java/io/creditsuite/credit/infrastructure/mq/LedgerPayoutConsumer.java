package io.creditsuite.credit.infrastructure.mq;

import io.creditsuite.support.mq.PushConsumer;

/**
 * The push consumer of {@value LedgerPayoutListener#TOPIC}, tag {@value LedgerPayoutListener#TAG}, group
 * {@value #GROUP} (created at start by MqTopicsAtStart from credit-suite.mq.consumer-groups). Concurrent, not
 * orderly: each message completes one loan independently, and an orderly consumer would hold up the other loans of
 * its queue while one waits for credit's confirm. Why not {@code @RocketMQMessageListener}: its retry delay is the
 * broker's default (10 s for the first retry), longer than the sweep it is meant to beat.
 */
public final class LedgerPayoutConsumer {
    public static final String GROUP = "credit-loan-payout";

    private LedgerPayoutConsumer() {
    }

    public static PushConsumer of(LedgerPayoutListener listener, String nameServer) {
        return new PushConsumer(GROUP, nameServer, c -> {
            c.setConsumeThreadMin(2);
            c.setConsumeThreadMax(4);
            c.subscribe(LedgerPayoutListener.TOPIC, LedgerPayoutListener.TAG);
            c.registerMessageListener(listener);
        });
    }
}
