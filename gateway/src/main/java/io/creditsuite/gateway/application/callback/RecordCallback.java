package io.creditsuite.gateway.application.callback;

import io.creditsuite.gateway.domain.callback.CallbackDeliveries;
import io.creditsuite.gateway.domain.callback.CallbackSignaturePolicy;
import io.creditsuite.gateway.domain.callback.CallbackUrlPolicy;
import io.creditsuite.gateway.domain.callback.DecidedEvent;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a decision event into a callback delivery, once per event id. Runs on the MQ consumer's thread, so it only
 * writes a row: the HTTP call is the dispatcher's, on its own thread.
 */
public class RecordCallback {
    private static final Logger log = LoggerFactory.getLogger(RecordCallback.class);

    public enum Recorded { NO_CALLBACK, RECORDED, REFUSED_URL, ALREADY_RECORDED }

    private final CallbackDeliveries deliveries;
    private final CallbackUrlPolicy urls;

    public RecordCallback(CallbackDeliveries deliveries, CallbackUrlPolicy urls) {
        this.deliveries = deliveries;
        this.urls = urls;
    }

    public Recorded record(DecidedEvent event, Instant now) {
        if (!event.hasCallback()) {
            return Recorded.NO_CALLBACK;
        }
        if (!CallbackSignaturePolicy.isWellFormedEventId(event.eventId())) {
            throw new IllegalArgumentException("an event id must have 1..128 characters and no control character");
        }
        Optional<String> refusal = urls.refusal(event.callbackUrl());
        if (refusal.isPresent()) {
            // approval-service admits only https at intake, so this is a configuration drift; operators must see it
            if (!deliveries.recordRefused(event, refusal.get(), now)) {
                return Recorded.ALREADY_RECORDED;
            }
            log.warn("callback {} of partner {} GAVE_UP before any attempt: {}", event.eventId(), event.partnerId(),
                    refusal.get());
            return Recorded.REFUSED_URL;
        }
        return deliveries.recordPending(event, now) ? Recorded.RECORDED : Recorded.ALREADY_RECORDED;
    }
}
