package io.creditsuite.approval.application.check;

import io.creditsuite.approval.domain.check.CheckReport;
import io.creditsuite.approval.domain.check.CheckSubject;

/**
 * Runs the blacklist match, the active risk-rule set and the active scorecard on one application. Pure with respect
 * to the application: it stores nothing of the application (intake stores the report with it), and reads the
 * versions active at the moment of the call.
 */
public interface AutomaticChecks {
    CheckReport run(CheckSubject subject);
}
