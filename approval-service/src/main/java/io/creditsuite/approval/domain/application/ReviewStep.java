package io.creditsuite.approval.domain.application;

/** The review chain's stages in order: first review (初审), final review (终审), recheck (复核). */
public enum ReviewStep {
    FIRST_REVIEW,
    FINAL_REVIEW,
    RECHECK;

    /** The stage after this one; empty after recheck (the application goes to grant). */
    public java.util.Optional<ReviewStep> next() {
        return ordinal() + 1 < values().length ? java.util.Optional.of(values()[ordinal() + 1]) : java.util.Optional.empty();
    }

    /** The stage before this one; empty for first review (a send-back from there goes to the partner). */
    public java.util.Optional<ReviewStep> previous() {
        return ordinal() > 0 ? java.util.Optional.of(values()[ordinal() - 1]) : java.util.Optional.empty();
    }
}
