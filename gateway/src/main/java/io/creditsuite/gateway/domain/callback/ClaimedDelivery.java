package io.creditsuite.gateway.domain.callback;

/**
 * A delivery this instance holds for one attempt: {@code attempt} counts this one ({@code 1} for the first), and the
 * outcome is written only while the row still carries {@code claimToken}.
 */
public record ClaimedDelivery(String eventId, String partnerId, String callbackUrl, String payloadJson, int attempt,
                              String claimToken) {
}
