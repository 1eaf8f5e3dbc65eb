package io.creditsuite.credit.infrastructure.mq;

import io.creditsuite.api.credit.WarningView;
import io.creditsuite.credit.application.WarningEvents;
import io.creditsuite.support.requestid.RequestIds;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/** Warnings on topic {@value WarningView#TOPIC}, KEYS = the warning key (consumers dedupe on it), tag = the kind. */
@Component
public class RocketMqWarningEvents implements WarningEvents {
    private static final Logger log = LoggerFactory.getLogger(RocketMqWarningEvents.class);

    private final RocketMQTemplate rocketMq;

    public RocketMqWarningEvents(RocketMQTemplate rocketMq) {
        this.rocketMq = rocketMq;
    }

    @Override
    public boolean publish(WarningView warning) {
        try {
            var sent = rocketMq.syncSend(WarningView.TOPIC + ":" + warning.kind(), MessageBuilder.withPayload(warning)
                    .setHeader(RocketMQHeaders.KEYS, warning.warningKey())
                    .setHeader(RequestIds.ATTACHMENT, RequestIds.acceptOrCreate(RequestIds.current()))
                    .build());
            return sent.getSendStatus() == SendStatus.SEND_OK;
        } catch (RuntimeException e) {
            log.warn("warning {} not sent; the next scan sends it", warning.warningKey(), e);
            return false;
        }
    }
}
