package io.creditsuite.approval.application.report;

import io.creditsuite.approval.domain.application.ReviewStep;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Reviewers' decisions counted from the applications' history (the throughput report's source). */
public interface DecisionCounts {
    /** @param action APPROVE, REJECT or SEND_BACK */
    record Count(LocalDate day, String reviewer, ReviewStep stage, String action, int count) {
    }

    /** Decisions taken in {@code [from, to)} by people (not the system), grouped by UTC day, reviewer, stage, action. */
    List<Count> between(Instant from, Instant to);
}
