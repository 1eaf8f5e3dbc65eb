package io.creditsuite.gateway.application.callback;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.gateway.domain.callback.CallbackDeliveries;
import io.creditsuite.gateway.domain.callback.CallbackStatus;
import io.creditsuite.gateway.domain.callback.DeliveryView;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What operators do with callbacks: list them by status, and re-arm one (after the partner fixed its endpoint). */
public class CallbackOperations {
    private static final Logger log = LoggerFactory.getLogger(CallbackOperations.class);
    static final int MAX_LIST = 200;

    private final CallbackDeliveries deliveries;

    public CallbackOperations(CallbackDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    public List<DeliveryView> inStatus(CallbackStatus status, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "limit must be 1.." + MAX_LIST);
        }
        return deliveries.inStatus(status, limit);
    }

    /** PENDING again and due now, with a fresh budget of attempts; the partner dedupes on the same event id. */
    public DeliveryView retry(String eventId, Instant now) {
        if (!deliveries.rearm(eventId, now)) {
            throw new ApiException(ErrorCode.CALLBACK_UNKNOWN, "no callback delivery for event " + eventId);
        }
        log.info("callback {} re-armed by an operator: due at {}", eventId, now);
        return deliveries.find(eventId).orElseThrow();
    }
}
