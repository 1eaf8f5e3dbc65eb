package io.creditsuite.gateway.infrastructure.mq;

import io.creditsuite.support.mq.PushConsumer;

/**
 * The push consumer of {@value ApprovalDecisionListener#TOPIC}, tag {@value ApprovalDecisionListener#TAG}, group
 * {@value #GROUP} (created at start by MqTopicsAtStart from credit-suite.mq.consumer-groups). Concurrent: each event
 * only records its own row, so order across applications does not matter, and the dispatcher sends in due order.
 */
public final class ApprovalDecisionConsumer {
    public static final String GROUP = "gateway-callbacks";

    private ApprovalDecisionConsumer() {
    }

    public static PushConsumer of(ApprovalDecisionListener listener, String nameServer) {
        return new PushConsumer(GROUP, nameServer, c -> {
            c.setConsumeThreadMin(1);
            c.setConsumeThreadMax(2);
            c.subscribe(ApprovalDecisionListener.TOPIC, ApprovalDecisionListener.TAG);
            c.registerMessageListener(listener);
        });
    }
}
