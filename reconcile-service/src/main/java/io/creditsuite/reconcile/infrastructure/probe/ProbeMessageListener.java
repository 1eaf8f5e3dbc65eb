package io.creditsuite.reconcile.infrastructure.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.api.probe.MqProbeMessage;
import io.creditsuite.support.requestid.RequestIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Consumes the MQ probe. Deduplication is by business key (KEYS = probeId), never by msgId: a
 * redelivery, or the same probe published twice, has one effect. A failure in the transaction
 * throws, so RocketMQ redelivers later.
 */
@Component
@RocketMQMessageListener(topic = MqProbeMessage.TOPIC, consumerGroup = ProbeMessageListener.CONSUMER_GROUP,
        consumeThreadNumber = 2, consumeThreadMax = 4)
class ProbeMessageListener implements RocketMQListener<MessageExt> {
    static final String CONSUMER_GROUP = "reconcile-probe";
    private static final Logger log = LoggerFactory.getLogger(ProbeMessageListener.class);

    private final ProbeReceipts receipts;
    private final ObjectMapper json;
    private final Counter duplicates;
    private final Counter malformed;

    ProbeMessageListener(ProbeReceipts receipts, ObjectMapper json, MeterRegistry meters) {
        this.receipts = receipts;
        this.json = json;
        this.duplicates = Counter.builder("creditsuite.mq.consumed.duplicates")
                .description("deliveries whose business key had already been consumed (no effect)")
                .tag("consumer_group", CONSUMER_GROUP).register(meters);
        this.malformed = Counter.builder("creditsuite.mq.consumed.malformed")
                .description("messages dropped because no retry could ever make them readable")
                .tag("consumer_group", CONSUMER_GROUP).register(meters);
    }

    @Override
    public void onMessage(MessageExt message) {
        String previous = MDC.get(RequestIds.MDC_KEY);
        MDC.put(RequestIds.MDC_KEY, RequestIds.acceptOrCreate(message.getUserProperty(RequestIds.ATTACHMENT)));
        try {
            MqProbeMessage probe = read(message);
            if (probe == null) {
                return;
            }
            if (receipts.receive(probe, message.getMsgId())) {
                log.info("MQ probe {} received as {}", probe.probeId(), message.getMsgId());
            } else {
                duplicates.increment();
                log.info("MQ probe {} delivered again as {} (reconsume {}): already received, no effect",
                        probe.probeId(), message.getMsgId(), message.getReconsumeTimes());
            }
        } finally {
            if (previous == null) {
                MDC.remove(RequestIds.MDC_KEY);
            } else {
                MDC.put(RequestIds.MDC_KEY, previous);
            }
        }
    }

    /**
     * The probe, or null for a message no retry can fix (unreadable body, or KEYS not its probe
     * id): it is logged, counted and acknowledged rather than redelivered sixteen times.
     */
    private MqProbeMessage read(MessageExt message) {
        try {
            MqProbeMessage probe = json.readValue(message.getBody(), MqProbeMessage.class);
            if (probe.probeId() == null || !probe.probeId().equals(message.getKeys())) {
                throw new IOException("KEYS " + message.getKeys() + " is not the probe id " + probe.probeId());
            }
            return probe;
        } catch (IOException e) {
            malformed.increment();
            log.error("dropping malformed MQ probe message {}: {}", message.getMsgId(), e.getMessage());
            return null;
        }
    }
}
