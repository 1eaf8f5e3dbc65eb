package io.creditsuite.gateway.infrastructure.ops;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.gateway.application.callback.CallbackOperations;
import io.creditsuite.gateway.domain.callback.CallbackSignaturePolicy;
import io.creditsuite.gateway.domain.callback.CallbackStatus;
import io.creditsuite.gateway.domain.callback.DeliveryView;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators' view of the decision callbacks, behind {@code X-Operator-Token} (OperatorTokenFilter). */
@RestController
@RequestMapping("/ops/v1/callbacks")
public class CallbackOpsController {
    private final CallbackOperations operations;
    private final Clock clock;

    public CallbackOpsController(CallbackOperations operations, Clock clock) {
        this.operations = operations;
        this.clock = clock;
    }

    public record Deliveries(CallbackStatus status, List<DeliveryView> deliveries) {
    }

    /** The deliveries in a status (default GAVE_UP), most recent first. */
    @GetMapping
    public Deliveries list(@RequestParam(defaultValue = "GAVE_UP") String status,
                           @RequestParam(defaultValue = "50") int limit) {
        CallbackStatus wanted;
        try {
            wanted = CallbackStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "status must be one of "
                    + Arrays.toString(CallbackStatus.values()));
        }
        return new Deliveries(wanted, operations.inStatus(wanted, limit));
    }

    /** Re-arms a delivery (any status): PENDING, due now, a fresh budget of attempts; CS-6016 404 when unknown. */
    @PostMapping("/{eventId}/retry")
    public DeliveryView retry(@PathVariable String eventId) {
        if (!CallbackSignaturePolicy.isWellFormedEventId(eventId)) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "eventId must be 1 to 128 characters, no control character");
        }
        return operations.retry(eventId, clock.instant());
    }
}
