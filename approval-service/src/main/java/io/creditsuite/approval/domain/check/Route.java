package io.creditsuite.approval.domain.check;

/** Where the automatic checks send an application. */
public enum Route {
    /** A blacklist hit, a rejecting rule, or a score below the reject cut-off. */
    REJECT,
    /** First review, final review, recheck. */
    MANUAL_REVIEW,
    /** No rule asks for review and the score is at or above the fast-track cut-off: straight to recheck. */
    FAST_TRACK
}
