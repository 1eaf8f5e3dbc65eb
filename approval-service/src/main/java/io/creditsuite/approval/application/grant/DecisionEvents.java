package io.creditsuite.approval.application.grant;

import io.creditsuite.approval.domain.application.ApplicationRecord;
import java.time.Instant;

/**
 * The decisions a partner is told about (GRANTED, REJECTED, MORE_INFO_REQUESTED), published from the transaction of
 * the decision (an outbox in infrastructure).
 */
public interface DecisionEvents {
    /** @param occurrence how many times the application has reached this state, this one included (1 for final ones) */
    void decided(ApplicationRecord decided, int occurrence, Instant at);
}
