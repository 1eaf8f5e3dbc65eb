package io.creditsuite.approval.domain.application;

import io.creditsuite.approval.domain.check.Route;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A credit application (授信申请) on its way from intake to a granted line.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@code 0 < approved(s) <= bound(s) <= requested} for every stage s that approved ({@link ApprovedAmountBound})</li>
 *   <li>{@code |{actions by p}| <= 1} for every person p ({@link FourEyesPolicy})</li>
 *   <li>{@code state = GRANTING => approved(RECHECK) is the amount to grant}; REJECTED and GRANTED never change</li>
 *   <li>{@code state = IN_REVIEW <=> step is present}</li>
 * </ul>
 */
public final class CreditApplication {
    private final ApplicationFacts facts;
    private ApplicationState state;
    private ReviewStep step;
    private final Map<ReviewStep, Long> approvedByStep;
    private final Set<String> actors;
    private String reasonCode;
    private String lineId;

    private CreditApplication(ApplicationFacts facts, ApplicationState state, ReviewStep step,
                              Map<ReviewStep, Long> approvedByStep, Set<String> actors, String reasonCode,
                              String lineId) {
        this.facts = Objects.requireNonNull(facts);
        this.state = state;
        this.step = step;
        this.approvedByStep = new EnumMap<>(ReviewStep.class);
        this.approvedByStep.putAll(approvedByStep);
        this.actors = new LinkedHashSet<>(actors);
        this.reasonCode = reasonCode;
        this.lineId = lineId;
    }

    /** A new application, before its automatic checks. */
    public static CreditApplication submitted(ApplicationFacts facts) {
        return new CreditApplication(facts, ApplicationState.SUBMITTED, null, Map.of(), Set.of(), null, null);
    }

    /** An application as stored. */
    public static CreditApplication restore(ApplicationFacts facts, ReviewProgress progress) {
        return new CreditApplication(facts, progress.state(), progress.step(), progress.approvedByStep(),
                progress.actors(), progress.reasonCode(), progress.lineId());
    }

    /** The automatic checks' verdict: rejected with its reason, or into review at first review or (fast track) recheck. */
    public void routed(Route verdict, String rejectReasonCode) {
        requireState(ApplicationState.SUBMITTED);
        switch (verdict) {
            case REJECT -> reject(Objects.requireNonNull(rejectReasonCode, "a rejection needs its reason code"));
            case MANUAL_REVIEW -> enterReview(ReviewStep.FIRST_REVIEW);
            case FAST_TRACK -> enterReview(ReviewStep.RECHECK);
        }
    }

    /**
     * A reviewer's action at {@code at}: approve (possibly lowering the amount), reject, or send back a stage (from
     * first review: to the partner for more information).
     *
     * @throws ReviewRefusedException when the application is not at {@code at}, four eyes, amount bound or a missing
     *                                reason code refuse it; nothing changes then
     */
    public void act(String actor, ReviewStep at, ReviewDecision decision, Long approvedMinor, String reason) {
        if (state != ApplicationState.IN_REVIEW || step != at) {
            throw new ReviewRefusedException(ReviewRefusal.NOT_AT_STAGE, "application " + facts.applicationId()
                    + " is " + state + (step == null ? "" : " at " + step) + ", not waiting at " + at);
        }
        FourEyesPolicy.check(actor, actors);
        if (decision != ReviewDecision.APPROVE && (reason == null || reason.isBlank())) {
            throw new ReviewRefusedException(ReviewRefusal.REASON_CODE_REQUIRED, decision + " needs a reason code");
        }
        switch (decision) {
            case APPROVE -> approve(at, approvedMinor);
            case REJECT -> reject(reason);
            case SEND_BACK -> sendBack(at, reason);
        }
        actors.add(actor);
    }

    /** The partner supplied what first review asked for: back to first review. */
    public void supplemented() {
        if (state != ApplicationState.MORE_INFO_REQUESTED) {
            throw new ReviewRefusedException(ReviewRefusal.NOT_AWAITING_INFO, "application " + facts.applicationId()
                    + " is " + state + ", not waiting for more information");
        }
        reasonCode = null;
        enterReview(ReviewStep.FIRST_REVIEW);
    }

    /** credit-service granted the line. Repeating it with the same line changes nothing. */
    public void granted(String grantedLineId) {
        if (state == ApplicationState.GRANTED && Objects.equals(lineId, grantedLineId)) {
            return;
        }
        requireState(ApplicationState.GRANTING);
        lineId = Objects.requireNonNull(grantedLineId);
        state = ApplicationState.GRANTED;
    }

    /**
     * credit-service refused the grant for a business reason (not an outage): the application ends REJECTED with
     * {@code GRANT_REFUSED:<credit-service's code>}, so the partner is told and nothing is retried forever.
     */
    public void grantRefused(String creditServiceCode) {
        requireState(ApplicationState.GRANTING);
        reasonCode = "GRANT_REFUSED:" + Objects.requireNonNull(creditServiceCode);
        state = ApplicationState.REJECTED;
    }

    /** The most the current stage may approve. */
    public long currentBoundMinor() {
        if (step == null) {
            throw new IllegalStateException("application " + facts.applicationId() + " is not in review");
        }
        return ApprovedAmountBound.boundOf(step, facts.requestedMinor(), approvedByStep);
    }

    /** The amount to grant: what recheck approved. */
    public long grantMinor() {
        requireState(ApplicationState.GRANTING, ApplicationState.GRANTED);
        return approvedByStep.get(ReviewStep.RECHECK);
    }

    private void approve(ReviewStep at, Long approvedMinor) {
        if (approvedMinor == null) {
            throw new ReviewRefusedException(ReviewRefusal.AMOUNT_OUT_OF_BOUND, "APPROVE needs the approved amount");
        }
        ApprovedAmountBound.check(at, approvedMinor, currentBoundMinor());
        approvedByStep.put(at, approvedMinor);
        Optional<ReviewStep> next = at.next();
        if (next.isPresent()) {
            step = next.get();
        } else {
            step = null;
            state = ApplicationState.GRANTING;
        }
    }

    private void reject(String reason) {
        reasonCode = reason;
        step = null;
        state = ApplicationState.REJECTED;
    }

    private void sendBack(ReviewStep at, String reason) {
        reasonCode = reason;
        // the stage sent back to decides again, from the bound it had: its and the later approvals no longer stand
        Optional<ReviewStep> back = at.previous();
        for (ReviewStep s : ReviewStep.values()) {
            if (s.ordinal() >= back.orElse(ReviewStep.FIRST_REVIEW).ordinal()) {
                approvedByStep.remove(s);
            }
        }
        if (back.isPresent()) {
            step = back.get();
        } else {
            step = null;
            state = ApplicationState.MORE_INFO_REQUESTED;
        }
    }

    private void enterReview(ReviewStep first) {
        state = ApplicationState.IN_REVIEW;
        step = first;
    }

    private void requireState(ApplicationState... allowed) {
        for (ApplicationState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw new IllegalStateException("application " + facts.applicationId() + " is " + state);
    }

    public ApplicationFacts facts() {
        return facts;
    }

    public ApplicationState state() {
        return state;
    }

    public Optional<ReviewStep> step() {
        return Optional.ofNullable(step);
    }

    public Optional<String> reasonCode() {
        return Optional.ofNullable(reasonCode);
    }

    public Optional<String> lineId() {
        return Optional.ofNullable(lineId);
    }

    /** What the application's review has reached, to store and to restore. */
    public ReviewProgress progress() {
        return new ReviewProgress(state, step, Collections.unmodifiableMap(new EnumMap<>(approvedByStep)),
                Set.copyOf(actors), reasonCode, lineId);
    }
}
