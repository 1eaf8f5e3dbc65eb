package io.creditsuite.approval.domain.application;

import io.creditsuite.approval.domain.check.CheckReport;
import java.time.Instant;

/**
 * An application as stored: the aggregate, what is fixed at intake around it, and the optimistic-lock version.
 *
 * @param limitType  the kind of line to grant (credit-service's limit type name)
 * @param bodyHash   SHA-256 (hex) of the submitted request, for the idempotent replay
 * @param decidedAt  when it became REJECTED or GRANTED, else null
 */
public record ApplicationRecord(CreditApplication application, Applicant applicant, String limitType,
                                String callbackUrl, String bodyHash, CheckReport checks, Instant submittedAt,
                                Instant decidedAt, long version) {
}
