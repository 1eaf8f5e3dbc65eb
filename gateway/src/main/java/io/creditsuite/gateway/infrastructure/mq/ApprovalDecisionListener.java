package io.creditsuite.gateway.infrastructure.mq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.gateway.application.callback.RecordCallback;
import io.creditsuite.gateway.domain.callback.DecidedEvent;
import io.creditsuite.support.mq.ConsumeOnce;
import io.creditsuite.support.outbox.RocketMqOutboxSender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * approval-service's APPLICATION_DECIDED (schema 1, docs/events.md) becomes a callback delivery row, at most once per
 * event: the dedupe row of {@link ConsumeOnce} ({@code APPLICATION_DECIDED:<eventId>}) and the delivery row commit in
 * one local transaction, and the delivery's primary key (the event id) holds even without it. Only a row is written
 * here: the POST is the dispatcher's, so a slow partner never holds up this consumer thread. A failure (database
 * away) rolls both back and the broker redelivers; a message no retry can read is logged and acknowledged.
 */
public final class ApprovalDecisionListener implements MessageListenerConcurrently {
    public static final String TOPIC = "CS_APPROVAL_EVENTS";
    public static final String TAG = "APPLICATION_DECIDED";
    private static final Logger log = LoggerFactory.getLogger(ApprovalDecisionListener.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordCallback callbacks;
    private final ConsumeOnce once;
    private final Clock clock;

    public ApprovalDecisionListener(RecordCallback callbacks, ConsumeOnce once, Clock clock) {
        this.callbacks = callbacks;
        this.once = once;
        this.clock = clock;
    }

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        for (MessageExt message : messages) {
            try {
                consume(message);
            } catch (RuntimeException e) {
                log.warn("{} {} not recorded ({}); the broker delivers it again", message.getTags(), message.getKeys(),
                        e.toString());
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    void consume(MessageExt message) {
        DecidedEvent event = read(message);
        if (event == null || !event.hasCallback()) {
            return;
        }
        boolean first = once.apply(message, m -> callbacks.record(event, clock.instant()));
        if (!first) {
            log.info("decision {} delivered again as {}: its callback is already recorded", event.eventId(),
                    message.getMsgId());
        }
    }

    /** The event, or null for a message no retry can make readable (logged, then acknowledged). */
    private static DecidedEvent read(MessageExt message) {
        String version = message.getUserProperty(RocketMqOutboxSender.SCHEMA_VERSION);
        if (!"1".equals(version)) {
            log.error("dropping {} {} of schema version {}: this consumer reads version 1", message.getTags(),
                    message.getKeys(), version);
            return null;
        }
        String json = new String(message.getBody(), StandardCharsets.UTF_8);
        try {
            JsonNode body = JSON.readTree(json);
            DecidedEvent event = new DecidedEvent(text(body, "eventId"), text(body, "partnerId"),
                    text(body, "applicationId"), text(body, "callbackUrl"), json);
            if (event.eventId() == null || event.partnerId() == null || event.applicationId() == null) {
                throw new IOException("eventId, partnerId and applicationId are required");
            }
            return event;
        } catch (IOException e) {
            log.error("dropping unreadable {} {} ({}): {}", message.getTags(), message.getKeys(), message.getMsgId(),
                    e.getMessage());
            return null;
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
