package io.creditsuite.approval.application.grant;

import io.creditsuite.approval.domain.application.ApplicationRecord;

/** Where an approved application's line is granted (credit-service over Dubbo). */
public interface CreditLines {
    /**
     * Grants the line of an application in GRANTING, idempotent by the application id: a second call returns the
     * same line.
     *
     * @return the granted line's id
     * @throws RuntimeException when credit-service cannot be reached or refuses; the caller retries later
     */
    String grant(ApplicationRecord approved);
}
