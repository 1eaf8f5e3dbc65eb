package io.creditsuite.approval.domain.application;

import java.util.Set;

/**
 * Four eyes: one person acts at most once per application, whatever the stage and however often it is sent back.
 * <pre>
 *   act(p, a) allowed  &lt;=&gt;  p &notin; actors(a)
 * </pre>
 */
public final class FourEyesPolicy {
    private FourEyesPolicy() {
    }

    /** @throws ReviewRefusedException FOUR_EYES when {@code actor} is in {@code actors} */
    public static void check(String actor, Set<String> actors) {
        if (actors.contains(actor)) {
            throw new ReviewRefusedException(ReviewRefusal.FOUR_EYES, actor + " already acted on this application;"
                    + " another reviewer must act");
        }
    }
}
