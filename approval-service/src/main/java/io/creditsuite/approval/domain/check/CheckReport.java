package io.creditsuite.approval.domain.check;

import java.util.List;

/**
 * What the automatic checks found for one application, with the versions that found it (so a later rule change
 * never rewrites an application already scored).
 *
 * @param reasonCode why it was rejected ("BLACKLIST_HIT", "RULE:R-AGE", "SCORE_BELOW_CUTOFF"), else null
 * @param findings   blacklist and rule results first, then one line per scorecard characteristic
 */
public record CheckReport(Route route, int score, String rulesVersion, String scorecardVersion, String reasonCode,
                          List<CheckFinding> findings) {
    public CheckReport {
        findings = List.copyOf(findings);
    }
}
