package io.creditsuite.approval.domain.application;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long each review stage may take.
 * <pre>
 *   dueAt(task)  = createdAt(task) + limit(stage)
 *   state(open task, now)      = PENDING if now &lt; dueAt, else VIOLATED
 *   state(done task, doneAt)   = MET if doneAt &lt;= dueAt, else VIOLATED
 * </pre>
 * A violated open task is escalated to the team leads who can see it, once.
 */
public final class SlaPolicy {
    public enum SlaState { PENDING, MET, VIOLATED }

    private final Map<ReviewStep, Duration> limits;

    public SlaPolicy(Map<ReviewStep, Duration> limits) {
        EnumMap<ReviewStep, Duration> copy = new EnumMap<>(ReviewStep.class);
        for (ReviewStep step : ReviewStep.values()) {
            Duration limit = Objects.requireNonNull(limits.get(step), "no SLA for " + step);
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("the SLA of " + step + " must be positive: " + limit);
            }
            copy.put(step, limit);
        }
        this.limits = copy;
    }

    public Instant dueAt(ReviewStep step, Instant createdAt) {
        return createdAt.plus(limits.get(step));
    }

    public SlaState openState(ReviewStep step, Instant createdAt, Instant now) {
        return now.isBefore(dueAt(step, createdAt)) ? SlaState.PENDING : SlaState.VIOLATED;
    }

    public SlaState doneState(ReviewStep step, Instant createdAt, Instant doneAt) {
        return doneAt.isAfter(dueAt(step, createdAt)) ? SlaState.VIOLATED : SlaState.MET;
    }
}
