package io.creditsuite.approval.domain.application;

import java.util.Map;
import java.util.Set;

/**
 * The changing part of a {@link CreditApplication}, as stored.
 *
 * @param step           the stage waiting, only while IN_REVIEW
 * @param approvedByStep what each stage approved in the current pass (a send-back removes the stages it reopens)
 * @param actors         everyone who acted on the application (four eyes)
 */
public record ReviewProgress(ApplicationState state, ReviewStep step, Map<ReviewStep, Long> approvedByStep,
                             Set<String> actors, String reasonCode, String lineId) {
    public ReviewProgress {
        approvedByStep = Map.copyOf(approvedByStep);
        actors = Set.copyOf(actors);
    }

    /** The amount the last stage that approved in this pass approved, or null when none has. */
    public Long latestApprovedMinor() {
        Long latest = null;
        for (ReviewStep step : ReviewStep.values()) {
            if (approvedByStep.containsKey(step)) {
                latest = approvedByStep.get(step);
            }
        }
        return latest;
    }
}
