package io.creditsuite.api.approval;

/** What the automatic checks decided for an application. */
public enum CheckRoute {
    /** A blacklist hit or a rejecting rule: the application is rejected without review. */
    REJECT,
    /** The normal chain: first review, final review, recheck. */
    MANUAL_REVIEW,
    /** A high score and no rule hit: straight to recheck (a fast track still goes to recheck). */
    FAST_TRACK
}
