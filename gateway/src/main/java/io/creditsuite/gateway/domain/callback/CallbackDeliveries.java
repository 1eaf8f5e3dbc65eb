package io.creditsuite.gateway.domain.callback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The callback deliveries of the gateway's database, one per event id. */
public interface CallbackDeliveries {

    /** A PENDING delivery due at {@code now}; false (nothing written) when the event id is already recorded. */
    boolean recordPending(DecidedEvent event, Instant now);

    /** A delivery GAVE_UP at once because its URL is refused, for operators to see; false when already recorded. */
    boolean recordRefused(DecidedEvent event, String why, Instant now);

    /** Event ids of PENDING deliveries due at {@code now} and not leased by anyone, oldest due first. */
    List<String> due(Instant now, int limit);

    /**
     * Takes a due delivery for one attempt with a conditional update (PENDING, due, lease free or expired), counting
     * the attempt and leasing the row until {@code leaseUntil}; empty when another instance took it first.
     */
    Optional<ClaimedDelivery> claim(String eventId, Instant now, Instant leaseUntil);

    /** Each of these writes only if the row still carries the claim's token; false otherwise (the lease was lost). */
    boolean delivered(ClaimedDelivery claim, AttemptOutcome outcome, Instant at);

    boolean retryAt(ClaimedDelivery claim, AttemptOutcome outcome, Instant next);

    boolean gaveUp(ClaimedDelivery claim, AttemptOutcome outcome, Instant at);

    /** Operators: the deliveries in {@code status}, most recently created first. */
    List<DeliveryView> inStatus(CallbackStatus status, int limit);

    Optional<DeliveryView> find(String eventId);

    /** Operators: PENDING again, due at {@code now}, with a fresh attempt budget; false for an unknown event id. */
    boolean rearm(String eventId, Instant now);
}
