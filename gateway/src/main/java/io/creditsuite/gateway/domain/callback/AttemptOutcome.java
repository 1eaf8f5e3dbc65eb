package io.creditsuite.gateway.domain.callback;

/**
 * What one POST to the partner came to: an HTTP status, or no answer at all (timeout, refused connection, TLS) with
 * the reason. Only a 2xx is a delivery; a redirect is not followed and counts as a failure.
 */
public record AttemptOutcome(Integer httpStatus, String error) {
    public static AttemptOutcome answered(int httpStatus) {
        return new AttemptOutcome(httpStatus, httpStatus / 100 == 2 ? null : "HTTP " + httpStatus);
    }

    public static AttemptOutcome noAnswer(String why) {
        return new AttemptOutcome(null, why);
    }

    public boolean delivered() {
        return httpStatus != null && httpStatus / 100 == 2;
    }
}
