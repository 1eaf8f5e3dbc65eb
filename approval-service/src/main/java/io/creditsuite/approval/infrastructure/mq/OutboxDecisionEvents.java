package io.creditsuite.approval.infrastructure.mq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.approval.application.grant.DecisionEvents;
import io.creditsuite.approval.domain.application.ApplicationFacts;
import io.creditsuite.approval.domain.application.ApplicationRecord;
import io.creditsuite.approval.domain.application.ReviewProgress;
import io.creditsuite.support.outbox.Outbox;
import io.creditsuite.support.outbox.OutboxMessage;
import io.creditsuite.support.requestid.RequestIds;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * APPLICATION_DECIDED (schema {@value #SCHEMA}, docs/events.md "Approval events") into the transactional outbox, topic
 * {@value #TOPIC}: KEYS = the event id {@code <applicationId>:<status>:<n>} (a consumer dedupes on it), ordered per
 * application. Without an outbox bean the event is logged instead, so the service still starts.
 */
public class OutboxDecisionEvents implements DecisionEvents {
    public static final String TOPIC = "CS_APPROVAL_EVENTS";
    static final String TYPE = "APPLICATION_DECIDED";
    static final int SCHEMA = 1;
    private static final Logger log = LoggerFactory.getLogger(OutboxDecisionEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectProvider<Outbox> outbox;

    public OutboxDecisionEvents(ObjectProvider<Outbox> outbox) {
        this.outbox = outbox;
    }

    @Override
    public void decided(ApplicationRecord decided, int occurrence, Instant at) {
        ApplicationFacts f = decided.application().facts();
        ReviewProgress p = decided.application().progress();
        String eventId = f.applicationId() + ":" + p.state().name() + ":" + occurrence;
        String traceId = RequestIds.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("applicationId", f.applicationId());
        body.put("partnerId", f.partnerId());
        body.put("partnerApplicationId", f.partnerApplicationId());
        body.put("customerId", f.customerId());
        body.put("status", p.state().name());
        body.put("currency", f.currency());
        body.put("requestedMinor", f.requestedMinor());
        body.put("approvedMinor", p.latestApprovedMinor());
        body.put("lineId", p.lineId());
        body.put("reasonCode", p.reasonCode());
        body.put("callbackUrl", decided.callbackUrl());
        body.put("occurredAt", at.toString());
        body.put("traceId", traceId);
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Outbox box = outbox.getIfAvailable();
        if (box == null) {
            log.info("no outbox: {} {} not published: {}", TYPE, eventId, json);
            return;
        }
        box.append(new OutboxMessage(TOPIC, TYPE, SCHEMA, eventId, f.applicationId(), json, traceId));
    }
}
