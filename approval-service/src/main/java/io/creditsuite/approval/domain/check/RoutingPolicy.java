package io.creditsuite.approval.domain.check;

/**
 * Where the automatic checks send an application.
 * <pre>
 *   REJECT        if blacklistHit or some REJECT rule fired or score &lt; rejectCutoff
 *   MANUAL_REVIEW else if some REVIEW rule fired or score &lt; fastTrackCutoff
 *   FAST_TRACK    otherwise (it still goes to recheck)
 * </pre>
 */
public final class RoutingPolicy {
    private RoutingPolicy() {
    }

    /** The route and, for a rejection, its reason code ("BLACKLIST_HIT", "RULE:&lt;code&gt;", "SCORE_BELOW_CUTOFF"). */
    public record Decision(Route route, String reasonCode) {
    }

    public static Decision route(String blacklistEntry, String rejectingRule, boolean reviewRuleFired, int score,
                                 Scorecard scorecard) {
        if (blacklistEntry != null) {
            return new Decision(Route.REJECT, "BLACKLIST_HIT");
        }
        if (rejectingRule != null) {
            return new Decision(Route.REJECT, "RULE:" + rejectingRule);
        }
        if (score < scorecard.rejectCutoff()) {
            return new Decision(Route.REJECT, "SCORE_BELOW_CUTOFF");
        }
        if (reviewRuleFired || score < scorecard.fastTrackCutoff()) {
            return new Decision(Route.MANUAL_REVIEW, null);
        }
        return new Decision(Route.FAST_TRACK, null);
    }
}
