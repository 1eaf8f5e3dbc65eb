package io.creditsuite.reconcile.infrastructure.bcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.reconcile.application.realtime.RealTimeChecks;
import io.creditsuite.reconcile.domain.fact.Fact;
import io.creditsuite.support.mq.ConsumeOnce;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each business event into a {@link Fact} and runs the real-time checks on it, once per {@code tag:KEYS}
 * ({@link ConsumeOnce}, in the checks' transaction). Orderly, so one customer's events are checked in the order they
 * were published; a failure suspends the queue a moment and retries it. An event no retry can read (no KEYS, not
 * JSON) is logged and skipped rather than blocking its queue for ever.
 */
public final class BcpEventListener implements MessageListenerOrderly {
    private static final Logger log = LoggerFactory.getLogger(BcpEventListener.class);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final RealTimeChecks checks;
    private final ConsumeOnce once;
    private final ObjectMapper json;
    private final BcpMetrics metrics;

    public BcpEventListener(RealTimeChecks checks, ConsumeOnce once, ObjectMapper json, BcpMetrics metrics) {
        this.checks = checks;
        this.once = once;
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public ConsumeOrderlyStatus consumeMessage(List<MessageExt> messages, ConsumeOrderlyContext context) {
        for (MessageExt message : messages) {
            Fact fact = read(message);
            if (fact == null) {
                continue;
            }
            try {
                once.apply(message, m -> checks.record(fact));
                metrics.checked(fact.occurredAt(), Instant.now());
            } catch (RuntimeException e) {
                metrics.checkFailed();
                log.warn("BCP could not check {} {} yet; its queue retries: {}", fact.eventType(), fact.businessKey(),
                        e.toString());
                return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
            }
        }
        return ConsumeOrderlyStatus.SUCCESS;
    }

    /** The event as a fact, or null when it can never be read. */
    Fact read(MessageExt message) {
        if (message.getKeys() == null || message.getKeys().isBlank() || message.getTags() == null) {
            log.warn("BCP skips message {} of {}: no tag or KEYS", message.getMsgId(), message.getTopic());
            return null;
        }
        try {
            Map<String, Object> body = EventPayloads.normalised(json.readValue(new String(message.getBody(),
                    StandardCharsets.UTF_8), MAP));
            Object occurred = body.get("occurredAt");
            Instant at = occurred instanceof String s ? Instant.parse(s) : Instant.ofEpochMilli(message.getBornTimestamp());
            String trace = message.getUserProperty("traceId");
            return new Fact(message.getTags(), message.getKeys(), message.getUserProperty("orderingKey"), at,
                    trace != null ? trace : (String) body.get("traceId"), body);
        } catch (Exception e) {
            log.warn("BCP skips {} {} of {}: its body cannot be read ({})", message.getTags(), message.getKeys(),
                    message.getTopic(), e.toString());
            return null;
        }
    }
}
