package io.creditsuite.support.probe;

import io.creditsuite.api.probe.BranchPhase;

/**
 * The life of a TCC probe branch's business record. Guarantees:
 * <ul>
 *   <li>phases move only along {@code NONE -> TRIED -> CONFIRMED | CANCELLED} and
 *       {@code NONE -> TRY_REFUSED};</li>
 *   <li>{@code confirm(CONFIRMED) = CONFIRMED}, {@code cancel(CANCELLED) = CANCELLED}: a repeated
 *       phase 2 changes nothing;</li>
 *   <li>{@code cancel(NONE) = NONE}: a cancel without a committed try undoes nothing (empty rollback);</li>
 *   <li>a confirm never follows a cancel and a cancel never follows a confirm.</li>
 * </ul>
 * Seata's fence already enforces most of this; the record enforces it again, so that a broken
 * invariant fails the phase (and Seata retries or a human looks) instead of being written down.
 */
public final class TccProbePhases {

    private TccProbePhases() {
    }

    public static BranchPhase afterTry(BranchPhase current) {
        if (current == BranchPhase.NONE) {
            return BranchPhase.TRIED;
        }
        throw illegal("try", current);
    }

    public static BranchPhase afterConfirm(BranchPhase current) {
        return switch (current) {
            case TRIED, CONFIRMED -> BranchPhase.CONFIRMED;
            default -> throw illegal("confirm", current);
        };
    }

    public static BranchPhase afterCancel(BranchPhase current) {
        return switch (current) {
            case TRIED, CANCELLED -> BranchPhase.CANCELLED;
            // nothing was tried, so nothing is undone
            case NONE, TRY_REFUSED -> current;
            case CONFIRMED -> throw illegal("cancel", current);
        };
    }

    public static BranchPhase afterRefusal(BranchPhase current) {
        return switch (current) {
            case NONE, TRY_REFUSED -> BranchPhase.TRY_REFUSED;
            default -> throw illegal("refusal of the try", current);
        };
    }

    private static IllegalStateException illegal(String step, BranchPhase current) {
        return new IllegalStateException("a " + step + " cannot follow phase " + current);
    }
}
