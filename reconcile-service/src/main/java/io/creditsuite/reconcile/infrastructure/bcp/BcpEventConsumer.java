package io.creditsuite.reconcile.infrastructure.bcp;

import io.creditsuite.support.mq.PushConsumer;

/**
 * The push consumer of the business events BCP checks: {@code CS_CREDIT_EVENTS} and {@code CS_LEDGER_EVENTS}, all
 * tags, group {@value #GROUP} (created at start by MqTopicsAtStart from credit-suite.mq.consumer-groups), orderly.
 */
public final class BcpEventConsumer {
    public static final String GROUP = "reconcile-bcp";
    public static final String CREDIT_TOPIC = "CS_CREDIT_EVENTS";
    public static final String LEDGER_TOPIC = "CS_LEDGER_EVENTS";

    private BcpEventConsumer() {
    }

    public static PushConsumer of(BcpEventListener listener, String nameServer) {
        return new PushConsumer(GROUP, nameServer, c -> {
            c.setConsumeThreadMin(2);
            c.setConsumeThreadMax(4);
            c.setSuspendCurrentQueueTimeMillis(500);
            c.subscribe(CREDIT_TOPIC, "*");
            c.subscribe(LEDGER_TOPIC, "*");
            c.registerMessageListener(listener);
        });
    }
}
