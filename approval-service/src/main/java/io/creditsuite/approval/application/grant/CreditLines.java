package io.creditsuite.approval.application.grant;

import io.creditsuite.approval.domain.application.ApplicationRecord;

/** Where an approved application's line is granted (credit-service over Dubbo). */
public interface CreditLines {
    /**
     * Grants the line of an application in GRANTING, idempotent by the application id: a second call returns the
     * same line.
     *
     * @return the granted line's id
     * @throws Refused when credit-service refuses the grant for a business reason: retrying cannot help
     * @throws RuntimeException when credit-service cannot be reached or fails; the caller retries later
     */
    String grant(ApplicationRecord approved);

    /** credit-service answered the grant with a business refusal (its stable code and message). */
    final class Refused extends RuntimeException {
        private final String code;

        public Refused(String code, String message) {
            super(code + " " + message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
