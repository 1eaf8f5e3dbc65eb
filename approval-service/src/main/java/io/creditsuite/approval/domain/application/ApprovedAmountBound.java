package io.creditsuite.approval.domain.application;

import java.util.Map;

/**
 * How much a review stage may approve.
 * <pre>
 *   bound(s)    = approved(previous(s))  if the previous stage approved in this pass
 *               = requested              otherwise (first review, or recheck on the fast track)
 *   0 &lt; approved(s) &lt;= bound(s) &lt;= requested
 * </pre>
 * So an amount may be lowered by each stage, never raised above what the stage before approved.
 */
public final class ApprovedAmountBound {
    private ApprovedAmountBound() {
    }

    public static long boundOf(ReviewStep step, long requestedMinor, Map<ReviewStep, Long> approvedByStep) {
        return step.previous().map(approvedByStep::get).orElse(requestedMinor);
    }

    /** @throws ReviewRefusedException AMOUNT_OUT_OF_BOUND unless {@code 0 < approvedMinor <= bound} */
    public static void check(ReviewStep step, long approvedMinor, long boundMinor) {
        if (approvedMinor <= 0 || approvedMinor > boundMinor) {
            throw new ReviewRefusedException(ReviewRefusal.AMOUNT_OUT_OF_BOUND, step + " may approve more than 0 and at"
                    + " most " + boundMinor + " (minor units), not " + approvedMinor);
        }
    }
}
