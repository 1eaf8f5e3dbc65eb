package io.creditsuite.api.approval;

import java.io.Serializable;

/** Decisions one reviewer took at one stage on one UTC day. {@code decisions = approved + rejected + sentBack}. */
public record ThroughputRow(String day, String reviewer, ReviewStage stage, int approved, int rejected, int sentBack,
                            int decisions) implements Serializable {
}
