package io.creditsuite.api.approval;

/** The review chain's stages, in order. Each person acts at most once per application (four eyes). */
public enum ReviewStage {
    FIRST_REVIEW,
    FINAL_REVIEW,
    RECHECK
}
